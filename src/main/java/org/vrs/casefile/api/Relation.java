package org.vrs.casefile.api;

/** How a related person stands to the victim. */
public enum Relation {
    ACCOMPANYING_CHILD,
    RELATIVE,
    LAWFUL_REPRESENTATIVE,
    GUARDIAN
}
