package org.vrs.casefile;

/** Compensation ordered and paid in one proceeding, in VND. */
record Compensation(long ordered, long paid) {
}
