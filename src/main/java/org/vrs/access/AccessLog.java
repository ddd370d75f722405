package org.vrs.access;

import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;
import org.vrs.access.api.FileRead;
import org.vrs.access.api.FileReadRefused;
import org.vrs.casefile.api.DataCategory;

/** Appends an access event for every read and every refused read, before the response leaves. */
@Component
public class AccessLog {
    private final EventGateway events;
    private final FileAccessPolicy policy;

    AccessLog(EventGateway events, FileAccessPolicy policy) {
        this.events = events;
        this.policy = policy;
    }

    public void read(Actor actor, FileScope file, String path, String purpose, AccessDecision.Granted granted) {
        SortedSet<DataCategory> full = new TreeSet<>();
        SortedSet<DataCategory> masked = new TreeSet<>();
        granted.disclosure().forEach((c, level) -> {
            if (level == Disclosure.FULL) {
                full.add(c);
            } else if (level == Disclosure.MASKED) {
                masked.add(c);
            }
        });
        events.publish(new org.axonframework.eventhandling.GenericEventMessage<>(new FileRead(file.fileId(), actor.userId(),
                actor.agency().value(), actor.role().name(), path, purpose, granted.basis().name(), full, masked, policy.policyVersion(),
                granted.breakGlassReason(), file.owner().value()), MetaData.from(actor.metadata(null))));
    }

    public void refused(Actor actor, String fileId, String path, String purpose, String reason) {
        events.publish(new org.axonframework.eventhandling.GenericEventMessage<>(new FileReadRefused(fileId, actor.userId(),
                actor.agency().value(), actor.role().name(), path, purpose, reason, policy.policyVersion()),
                MetaData.from(Map.copyOf(actor.metadata(null)))));
    }
}
