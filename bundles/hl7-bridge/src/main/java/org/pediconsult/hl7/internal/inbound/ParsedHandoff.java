package org.pediconsult.hl7.internal.inbound;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import ca.uhn.hl7v2.model.Message;

/**
 * Messages parsed on receipt and stored as RECEIVED, handed to the processor so that it does not parse them a
 * second time (about 90 us of the processor's thread for an ADT^A04 on the bench machine, where that thread bounds
 * the drain rate). Only a shortcut: the processor parses the stored text whenever a message is not here (after a
 * restart, for a retry, beyond the bound), so correctness never depends on it.
 *
 * <p>Bounded in count, first come first kept: the processor takes RECEIVED messages in id order, the oldest
 * first, so under a backlog the kept ones are those it needs next and the newer ones wait for their parse. One
 * that nobody takes (a processor on another node of a cluster took its row) is dropped after a minute.
 */
final class ParsedHandoff {
    /** A parsed ADT message is tens of KB of HAPI objects: a few MB at most. */
    static final int MAX = 256;
    static final long MAX_AGE_NANOS = TimeUnit.MINUTES.toNanos(1);

    private record Kept(Message message, long at) {
    }

    private final LongSupplier nanoTime;
    private final Map<Long, Kept> kept = new LinkedHashMap<>();

    ParsedHandoff() {
        this(System::nanoTime);
    }

    ParsedHandoff(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Keeps the parsed message of stored row {@code id}; the caller does not touch the message afterwards. */
    synchronized void put(long id, Message message) {
        long now = nanoTime.getAsLong();
        for (Iterator<Kept> oldest = kept.values().iterator(); oldest.hasNext(); ) {
            if (now - oldest.next().at() <= MAX_AGE_NANOS) {
                break;
            }
            oldest.remove();
        }
        if (kept.size() < MAX) {
            kept.put(id, new Kept(message, now));
        }
    }

    /** The parsed message of row {@code id}, once (then forgotten), or null: parse the stored text. */
    synchronized Message take(long id) {
        Kept k = kept.remove(id);
        return k == null ? null : k.message();
    }

    synchronized int size() {
        return kept.size();
    }
}
