package org.pediconsult.hl7.internal.inbound;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import org.pediconsult.hl7.internal.common.AckMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a channel's answer is given: the entry gets its outcome and ACK (a refusal's negative ACK names
 * what and where), is stored in the next group commit ({@link MessageStore}, {@link GroupCommitWriter}),
 * and only then is its ACK returned to be sent; a duplicate is stored with the first ACK and answered
 * with it. A failure of the store, or waiting longer than {@link #STORE_TIMEOUT_SECONDS}, fails the
 * message (the handler answers AE).
 */
final class StoreBeforeAck {
    // the log category stays InboundHandler's, as before the handler was split (log lines, log settings)
    private static final Logger LOG = LoggerFactory.getLogger(InboundHandler.class);
    /** How long a message waits for its group commit (or for the first copy of its key) before AE. */
    static final long STORE_TIMEOUT_SECONDS = 60;

    private final String channel;
    private final AckMode mode;
    private final Acks acks;
    private final MessageStore store;

    StoreBeforeAck(String channel, AckMode mode, Acks acks, MessageStore store) {
        this.channel = channel;
        this.mode = mode;
        this.acks = acks;
        this.store = store;
    }

    /** The entry refused with a negative ACK (AR when {@code reject}, else AE) naming what and where. */
    void refuse(MessageStore.Entry e, InboundOutcome outcome, Message message, boolean reject, HL7Exception why)
            throws HL7Exception, java.io.IOException {
        e.outcome = outcome;
        e.error = why.getMessage();
        e.ack = acks.refuse(message, mode, reject, why);
    }

    String refuseUnparsed(MessageStore.Entry e, String reason, ErrorCode code, String segment, int field)
            throws Exception {
        return refuseUnparsed(e, Acks.error(reason, code == null ? ErrorCode.APPLICATION_INTERNAL_ERROR : code, segment,
                field));
    }

    /** Refused before parsing (AR/CR with the ERR of {@code why}), stored as ERROR. */
    String refuseUnparsed(MessageStore.Entry e, HL7Exception why) throws Exception {
        e.outcome = InboundOutcome.ERROR;
        e.error = why.getMessage();
        e.ack = acks.refuseUnparsed(e.raw, mode, why);
        LOG.info("channel {}: {} control id {} refused before parsing: {}", channel, e.type, e.controlId,
                why.getMessage());
        return stored(e);
    }

    /**
     * Stores (in the next group commit), then answers; a copy that claimed the key first elsewhere
     * makes this one a duplicate.
     */
    String stored(MessageStore.Entry e) throws Exception {
        MessageStore.Stored s = await(store.store(e));
        if (s.duplicate()) {
            LOG.info("channel {}: {} control id {} was claimed by another delivery; stored as duplicate", channel,
                    e.type, e.controlId);
        } else {
            LOG.debug("channel {}: {} control id {} stored, {}", channel, e.type, e.controlId, e.outcome);
        }
        return s.ack();
    }

    String duplicate(MessageStore.Entry e, String firstAck) throws Exception {
        await(store.storeDuplicate(e, firstAck));
        LOG.info("channel {}: duplicate {} control id {} stored and acknowledged again, not processed", channel,
                e.type, e.controlId);
        return firstAck;
    }

    /** Waits for the store (or for the first delivery of a key); a failure there fails this message (AE). */
    static <T> T await(CompletableFuture<T> future) throws Exception {
        try {
            return future.get(STORE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof Exception) {
                throw (Exception) cause;
            }
            throw failed;
        }
    }
}
