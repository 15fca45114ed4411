package org.pediconsult.hl7.internal.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.atomic.AtomicLong;

import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.v251.message.ADT_A01;
import org.junit.jupiter.api.Test;

class ParsedHandoffTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final ParsedHandoff handoff = new ParsedHandoff(now::get);

    @Test
    void aKeptMessageIsTakenOnceThenTheStoredTextIsParsed() {
        Message m = new ADT_A01();
        handoff.put(7, m);
        assertNull(handoff.take(8));
        assertSame(m, handoff.take(7));
        assertNull(handoff.take(7), "taken once");
    }

    @Test
    void beyondTheBoundTheFirstOnesAreKeptTheNewerOnesParsedLater() {
        for (int id = 1; id <= ParsedHandoff.MAX + 10; id++) {
            handoff.put(id, new ADT_A01());
        }
        assertEquals(ParsedHandoff.MAX, handoff.size());
        assertSame(ADT_A01.class, handoff.take(1).getClass(), "the oldest, which the processor needs next, is kept");
        assertNull(handoff.take(ParsedHandoff.MAX + 5), "a newer one beyond the bound was not kept");
        handoff.put(ParsedHandoff.MAX + 5, new ADT_A01());
        assertEquals(ParsedHandoff.MAX, handoff.size(), "room again once one was taken");
    }

    @Test
    void oneNobodyTakesIsDroppedAfterAMinute() {
        handoff.put(1, new ADT_A01());
        now.addAndGet(ParsedHandoff.MAX_AGE_NANOS / 2);
        handoff.put(2, new ADT_A01());
        now.addAndGet(ParsedHandoff.MAX_AGE_NANOS / 2 + 1);
        handoff.put(3, new ADT_A01());
        assertNull(handoff.take(1), "older than a minute: dropped");
        assertEquals(2, handoff.size());
    }
}
