package org.pediconsult.platform.internal.event;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.pediconsult.platform.api.event.DomainEvent;

/** The wire form of a {@link DomainEvent}: one JSON object, payload under {@code data}. */
final class EventJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EventJson() {
    }

    static String toJson(DomainEvent e) {
        try {
            ObjectNode root = MAPPER.createObjectNode();
            root.put("eventId", e.eventId());
            root.put("type", e.type());
            root.put("version", e.version());
            root.put("occurredAt", e.occurredAt().toString());
            root.put("aggregateId", e.aggregateId());
            root.set("data", MAPPER.readTree(e.dataJson()));
            return MAPPER.writeValueAsString(root);
        } catch (IOException ex) {
            throw new IllegalArgumentException("event " + e.type() + " has a payload that is not JSON", ex);
        }
    }

    static DomainEvent fromJson(String json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            String type = root.path("type").asText();
            int dot = type.indexOf('.');
            if (dot <= 0) {
                throw new IllegalArgumentException("event type must be <domain>.<name>: " + type);
            }
            JsonNode aggregate = root.get("aggregateId");
            return new DomainEvent(root.path("eventId").asText(), type.substring(0, dot), type.substring(dot + 1),
                    root.path("version").asInt(1), Instant.parse(root.path("occurredAt").asText()),
                    aggregate == null || aggregate.isNull() ? null : aggregate.asText(),
                    MAPPER.writeValueAsString(root.path("data")));
        } catch (IOException ex) {
            throw new UncheckedIOException("event message is not JSON", ex);
        }
    }
}
