package org.vrs.extract;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.vrs.access.Actor;
import org.vrs.casefile.api.ExtractId;

/** Everything one extract states, before it is written as JSON and PDF. */
record ExtractContent(ExtractId extractId, Instant issuedAt, Actor requester, ExtractOrder order, ZoneId periodZone,
                      List<ScopedEvent> events, LedgerEvidence ledger, List<RevealedSalt> reveals) {

    ExtractContent {
        events = List.copyOf(events);
        reveals = List.copyOf(reveals);
    }
}
