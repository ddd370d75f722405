package org.vrs.casefile.api;

/** The support regimes of Law 53/2024/QH15 Art. 37, with the letter of the clause that names each. */
public enum SupportRegime {
    ESSENTIAL_NEEDS("a"),
    MEDICAL("b"),
    INTERPRETATION("c"),
    LEGAL_SUPPORT("d"),
    LEGAL_AID("đ"),
    TRAVEL("e"),
    PSYCHOLOGICAL("g"),
    EDUCATION("h"),
    VOCATIONAL_TRAINING_AND_EMPLOYMENT("i"),
    HARDSHIP_ALLOWANCE_AND_LOAN("k");

    private final String clause;

    SupportRegime(String clause) {
        this.clause = clause;
    }

    /** The clause letter in Art. 37, e.g. "đ" for legal aid. */
    public String clause() {
        return clause;
    }
}
