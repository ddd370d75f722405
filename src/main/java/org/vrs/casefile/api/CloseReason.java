package org.vrs.casefile.api;

/** Why a file was closed. A closed list, so no personal detail hides in a case-admin field. */
public enum CloseReason {
    REINTEGRATED,
    NOT_CONFIRMED,
    TRANSFERRED_ABROAD,
    DECEASED,
    LOST_CONTACT,
    SUPPORT_DECLINED,
    DUPLICATE,
    OTHER
}
