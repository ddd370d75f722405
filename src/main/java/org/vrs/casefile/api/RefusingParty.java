package org.vrs.casefile.api;

/** Who refused support: the agency deciding, or the victim, who may refuse (Law 53/2024 Art. 6). */
public enum RefusingParty {
    AGENCY,
    VICTIM
}
