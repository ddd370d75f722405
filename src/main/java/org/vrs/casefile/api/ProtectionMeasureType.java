package org.vrs.casefile.api;

/** Protection measures of Decree 62/2012 and Decree 162/2025. */
public enum ProtectionMeasureType {
    IDENTITY_CONFIDENTIALITY,
    WHEREABOUTS_CONFIDENTIALITY,
    RESIDENCE_SECURITY,
    WORKPLACE_OR_SCHOOL_SECURITY,
    COURT_SECURITY,
    TEMPORARY_SHELTER,
    NEW_PLACE_TO_LIVE_OR_WORK,
    CLOSED_TRIAL
}
