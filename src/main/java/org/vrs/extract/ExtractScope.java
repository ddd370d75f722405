package org.vrs.extract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.vrs.access.EventRedactor;
import org.vrs.access.EventRedactor.CategorisedField;

/**
 * Selects what an order covers. An event is in scope when its stored time falls on a day of the
 * order's period (in Vietnam's calendar) and at least one of its fields is of an ordered category.
 * Within it, fields of ordered categories are disclosed; every other field is withheld behind
 * its salted hash ({@link FieldSalts}). Categories come from the one declaration every output
 * path reads ({@link EventRedactor#categorised}); an undeclared field is always withheld.
 */
final class ExtractScope {

    /** The JSON form of field values: ISO-8601 dates, absent members omitted. */
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private ExtractScope() {
    }

    static List<ScopedEvent> select(Stream<? extends DomainEventMessage<?>> events, ExtractOrder order, ZoneId zone,
                                    FieldSalts salts) {
        List<ScopedEvent> scoped = new ArrayList<>();
        events.forEach(event -> {
            LocalDate day = LocalDate.ofInstant(event.getTimestamp(), zone);
            List<CategorisedField> fields = EventRedactor.categorised(event.getPayload());
            if (order.covers(day) && fields.stream().anyMatch(f -> ordered(order, f))) {
                scoped.add(new ScopedEvent(event, fields.stream().map(f -> scope(event.getIdentifier(), f, order, salts)).toList()));
            }
        });
        return scoped;
    }

    private static ScopedEvent.Field scope(String eventId, CategorisedField field, ExtractOrder order, FieldSalts salts) {
        JsonNode value = field.value() == null ? NullNode.getInstance() : JSON.valueToTree(field.value());
        if (ordered(order, field)) {
            return new ScopedEvent.Field(field.name(), field.category(), value, null);
        }
        String hash = FieldSalts.saltedHash(salts.salt(eventId, field.name()), CanonicalJson.canonicalize(value));
        return new ScopedEvent.Field(field.name(), field.category(), null, hash);
    }

    private static boolean ordered(ExtractOrder order, CategorisedField field) {
        return field.category() != null && order.categories().contains(field.category());
    }
}
