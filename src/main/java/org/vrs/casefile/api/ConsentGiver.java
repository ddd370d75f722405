package org.vrs.casefile.api;

/** Who gave a consent: the person, or their lawful representative (Law 53/2024 Art. 3(10)). */
public enum ConsentGiver {
    PERSON,
    LAWFUL_REPRESENTATIVE
}
