package org.vrs.casefile;

import java.time.LocalDate;
import org.vrs.casefile.api.SupportRegime;

/** One support case's progress: request, decision, deliveries against the granted amount. */
record SupportCase(SupportRegime regime, Status status, LocalDate requestedOn, LocalDate decidedOn, long granted, long delivered) {

    enum Status { REQUESTED, GRANTED, REFUSED }

    static SupportCase requested(SupportRegime regime, LocalDate requestedOn) {
        return new SupportCase(regime, Status.REQUESTED, requestedOn, null, 0, 0);
    }

    SupportCase grant(long amount, LocalDate on) {
        return new SupportCase(regime, Status.GRANTED, requestedOn, on, amount, delivered);
    }

    SupportCase refuse() {
        return new SupportCase(regime, Status.REFUSED, requestedOn, decidedOn, granted, delivered);
    }

    SupportCase deliver(long amount) {
        return new SupportCase(regime, status, requestedOn, decidedOn, granted, delivered + amount);
    }
}
