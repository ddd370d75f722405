package org.vrs.casefile.api;

/** Kinds of agency that handle victim files. Which agency does what is configuration, not code. */
public enum AgencyType {
    COMMUNE_COMMITTEE,
    POLICE,
    BORDER_GUARD,
    COAST_GUARD,
    SOCIAL_DEPARTMENT,
    HEALTH_DEPARTMENT,
    SHELTER,
    NGO,
    LEGAL_AID,
    MEDICAL,
    PROCURACY,
    COURT,
    AUDIT_OFFICE,
    STATISTICS,
    DIPLOMATIC_MISSION
}
