package org.vrs.casefile.api;

/** Assessed risk of re-trafficking or harm at follow-up. */
public enum RiskLevel {
    LOW,
    MEDIUM,
    HIGH
}
