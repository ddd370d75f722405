package org.vrs.casefile.api;

/**
 * What an event of an erased file loads as: its type is known, its content is gone for good.
 */
public record ShreddedPayload(String originalType, String content) {
    public static final String CONTENT = "[shredded]";
}
