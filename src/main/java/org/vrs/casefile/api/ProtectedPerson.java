package org.vrs.casefile.api;

/** Whom a protection measure protects. */
public enum ProtectedPerson {
    VICTIM,
    RELATIVE
}
