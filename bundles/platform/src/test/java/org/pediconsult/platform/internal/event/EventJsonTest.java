package org.pediconsult.platform.internal.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.pediconsult.platform.api.Ids;
import org.pediconsult.platform.api.event.DomainEvent;

class EventJsonTest {
    @Test
    void roundTripKeepsEveryFieldAndUtf8() {
        DomainEvent e = new DomainEvent(Ids.newId(), "consultation", "booked", 2, Instant.parse("2026-11-25T08:00:00Z"),
                "c-1", "{\"physician\":\"王医生\",\"slot\":\"2026-11-26T09:00\"}");
        String wire = EventJson.toJson(e);
        DomainEvent back = EventJson.fromJson(wire);
        assertEquals(e.eventId(), back.eventId());
        assertEquals("consultation.booked", back.type());
        assertEquals("pediconsult.consultation.booked", back.destination());
        assertEquals(2, back.version());
        assertEquals(e.occurredAt(), back.occurredAt());
        assertEquals("c-1", back.aggregateId());
        assertEquals("{\"physician\":\"王医生\",\"slot\":\"2026-11-26T09:00\"}", back.dataJson());
    }

    @Test
    void namesAndPayloadAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new DomainEvent(Ids.newId(), "Consultation", "booked", 1,
                Instant.now(), null, "{}"));
        assertThrows(IllegalArgumentException.class, () -> new DomainEvent(Ids.newId(), "consultation", "booked.now", 1,
                Instant.now(), null, "{}"));
        DomainEvent notJson = new DomainEvent(Ids.newId(), "a", "b", 1, Instant.now(), null, "{not json");
        assertThrows(IllegalArgumentException.class, () -> EventJson.toJson(notJson));
    }
}
