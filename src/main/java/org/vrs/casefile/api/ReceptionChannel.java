package org.vrs.casefile.api;

/** How the person came to an agency (Law 53/2024 reception channels). */
public enum ReceptionChannel {
    SELF_REPORT,
    RESCUE,
    RETURN_FROM_ABROAD,
    BORDER_HANDOVER,
    DEPORTATION,
    NGO_REFERRAL
}
