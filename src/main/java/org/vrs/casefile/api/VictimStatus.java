package org.vrs.casefile.api;

/** Status under Law 53/2024 Art. 2: everyone starts as a person undergoing identification. */
public enum VictimStatus {
    UNDER_IDENTIFICATION,
    CONFIRMED_VICTIM,
    NOT_CONFIRMED
}
