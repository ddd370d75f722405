package org.vrs.casefile.api;

/** The victim's part in a legal proceeding. */
public enum ProceedingRole {
    VICTIM,
    WITNESS,
    CIVIL_PARTY
}
