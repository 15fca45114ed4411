package org.pediconsult.hl7.internal.inbound;

import static org.pediconsult.hl7.internal.inbound.InboundHandler.LARGER;
import static org.pediconsult.hl7.internal.inbound.InboundHandler.OVERSIZED;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.preparser.PreParser;
import org.pediconsult.hl7.internal.common.AckMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An engineer's reprocessing of a stored ERROR or REJECTED message ({@code POST .../reprocess}, the
 * shell): the checks before parsing, parsing and processing run again and the new outcome and ACK are
 * recorded on the same row ({@link MessageStore#updateOutcome}), in its own transaction.
 */
final class Reprocessing {
    // the log category stays InboundHandler's, as before the handler was split (log lines, log settings)
    private static final Logger LOG = LoggerFactory.getLogger(InboundHandler.class);

    private final String channel;
    private final AckMode mode;
    private final AckAfter ackAfter;
    private final MessageStore store;
    private final Acks acks;
    private final ParseBudget budget;
    private final Hl7Tables tables;
    private final MessageProcessing processing;
    private final StoreBeforeAck answer;

    Reprocessing(String channel, AckMode mode, AckAfter ackAfter, MessageStore store, Acks acks,
                 ParseBudget budget, Hl7Tables tables, MessageProcessing processing, StoreBeforeAck answer) {
        this.channel = channel;
        this.mode = mode;
        this.ackAfter = ackAfter;
        this.store = store;
        this.acks = acks;
        this.budget = budget;
        this.tables = tables;
        this.processing = processing;
        this.answer = answer;
    }

    /**
     * Runs a stored message through parsing and processing again (after the cause of its error was
     * fixed, e.g. the consultation bundle is back) and records the new outcome on the same row; answers
     * its name ({@link InboundOutcome}), null when the channel has no such message. Only ERROR and
     * REJECTED messages are reprocessed: a processed one is never processed twice.
     */
    String reprocess(long id) throws Exception {
        MessageStore.Entry e = store.load(channel, id);
        if (e == null) {
            return null;
        }
        if (e.outcome != InboundOutcome.ERROR && e.outcome != InboundOutcome.REJECTED) {
            throw new IllegalStateException("message " + id + " is " + e.outcome + "; only ERROR or REJECTED messages "
                    + "are reprocessed");
        }
        if (e.error != null && e.error.startsWith(OVERSIZED) && e.error.contains(LARGER)) {
            throw new IllegalStateException("message " + id + " was larger than max.message.bytes and is stored cut; "
                    + "only the sender can send it whole");
        }
        HL7Exception refused = e.raw.startsWith("MSH") && MessageHeader.read(e.raw) != null ? beforeParsing(e.raw) : null;
        if (refused != null) {
            // never parsed: what was over budget at receipt still is
            e.outcome = InboundOutcome.ERROR;
            e.error = refused.getMessage();
            e.ack = acks.refuseUnparsed(e.raw, mode, refused);
            store.updateOutcome(id, e);
            return e.outcome.name();
        }
        Message message = processing.parseStored(e, notParsed ->
                e.ack = acks.refuseUnparsed(e.raw, mode, Acks.error(e.error, notParsed.getError(), null, 0)));
        if (message == null) {
            store.updateOutcome(id, e);
            return e.outcome.name();
        }
        HL7Exception refusal = processing.processes(e.type) ? processing.process(e, message) : null;
        // a message acknowledged positively at receipt (STORED mode: AA, then ERROR in processing) keeps
        // that ACK for its resends: the ACK said "stored", which stays true
        String acceptedAtReceipt = ackAfter == AckAfter.STORED && e.ack != null && positive(e.ack) ? e.ack : null;
        if (refusal != null) {
            answer.refuse(e, InboundOutcome.ERROR, message, false, refusal);
        } else {
            e.outcome = processing.processes(e.type) ? InboundOutcome.PROCESSED : InboundOutcome.ACCEPTED;
            e.error = null;
            e.ack = acks.accept(message, mode);
        }
        if (acceptedAtReceipt != null) {
            e.ack = acceptedAtReceipt;
        }
        store.updateOutcome(id, e);
        LOG.info("channel {}: message {} ({} control id {}) reprocessed, {}", channel, id, e.type, e.controlId, e.outcome);
        return e.outcome.name();
    }

    /** MSA-1 of a stored ACK of ours is AA or CA (read with HAPI's PreParser, the ACK's own separators). */
    private static boolean positive(String ack) {
        try {
            String[] code = PreParser.getFields(ack, "MSA-1");
            return code.length == 1 && ("AA".equals(code[0]) || "CA".equals(code[0]));
        } catch (HL7Exception unreadable) {
            return false;
        }
    }

    /** The checks before parsing for a stored message (reprocess): the refusal, or null. */
    private HL7Exception beforeParsing(String raw) {
        try {
            budget.measure(raw);
        } catch (HL7Exception refused) {
            return refused;
        }
        return tables.check(raw);
    }
}
