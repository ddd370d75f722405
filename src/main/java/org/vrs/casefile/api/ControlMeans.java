package org.vrs.casefile.api;

/** Means traffickers used to keep control. */
public enum ControlMeans {
    DEBT_BONDAGE,
    CONFINEMENT,
    VIOLENCE,
    THREATS_TO_FAMILY,
    DOCUMENT_CONFISCATION,
    DRUGS,
    DECEPTION,
    OTHER
}
