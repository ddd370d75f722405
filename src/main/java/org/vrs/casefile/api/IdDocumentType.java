package org.vrs.casefile.api;

/** Kinds of identity papers a person may hold (or not). */
public enum IdDocumentType {
    CITIZEN_ID_CARD,
    PASSPORT,
    BIRTH_CERTIFICATE,
    FOREIGN_ID,
    OTHER,
    NONE
}
