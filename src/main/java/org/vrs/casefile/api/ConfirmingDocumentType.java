package org.vrs.casefile.api;

/** Documents confirming a victim (Law 66/2011 Art. 28, Law 53/2024 Art. 33). */
public enum ConfirmingDocumentType {
    POLICE_CERTIFICATE,
    RESCUING_AGENCY_CERTIFICATE,
    INVESTIGATING_BODY_DOCUMENT,
    PROCURACY_DOCUMENT,
    COURT_DOCUMENT,
    LEGALISED_FOREIGN_DOCUMENT
}
