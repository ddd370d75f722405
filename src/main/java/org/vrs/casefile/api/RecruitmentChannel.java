package org.vrs.casefile.api;

/** Who or what drew the person in. */
public enum RecruitmentChannel {
    RELATIVE,
    ACQUAINTANCE,
    PARTNER,
    SOCIAL_MEDIA,
    BROKER,
    EMPLOYMENT_AGENCY,
    STRANGER,
    OTHER
}
