package org.vrs.casefile.api;

/** Sex as recorded on the person's papers or by their own account. */
public enum Sex {
    FEMALE,
    MALE,
    OTHER,
    UNKNOWN
}
