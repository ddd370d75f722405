package org.vrs.casefile.api;

/**
 * The units of redaction: every field of every event and view belongs to exactly one.
 * Encryption scope, redaction and extract scoping all read this one declaration.
 */
public enum DataCategory {
    CASE_ADMIN,
    IDENTITY,
    WHEREABOUTS,
    TRAFFICKING_ACCOUNT,
    HEALTH,
    FAMILY,
    LEGAL,
    SUPPORT,
    CONSENT_PROTECTION
}
