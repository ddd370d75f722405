package org.vrs.casefile.api;

/** Essential needs met on reception (Law 53/2024 Art. 37(a)). */
public enum EssentialNeed {
    FOOD,
    CLOTHING,
    ACCOMMODATION,
    PERSONAL_ITEMS,
    MEDICAL_FIRST_AID,
    PHONE_CALL,
    INTERPRETATION,
    TRAVEL
}
