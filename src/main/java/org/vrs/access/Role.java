package org.vrs.access;

/** The roles of ../shared/design/REDACTION.md; a token names one per request. */
public enum Role {
    RECEPTION_OFFICER,
    INVESTIGATOR,
    CASEWORKER,
    SHELTER_STAFF,
    LEGAL_AID,
    MEDICAL,
    PROCURATOR,
    COURT,
    AUDITOR,
    STATISTICIAN,
    DATA_PROTECTION_OFFICER,
    SYSTEM_ADMINISTRATOR
}
