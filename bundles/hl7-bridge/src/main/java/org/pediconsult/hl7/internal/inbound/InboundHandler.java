package org.pediconsult.hl7.internal.inbound;

import static org.pediconsult.hl7.internal.inbound.StoreBeforeAck.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Set;

import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.PipeParser;
import org.apache.camel.Exchange;
import org.pediconsult.hl7.api.Hl7InboundProcessor;
import org.apache.camel.Processor;
import org.pediconsult.hl7.internal.common.AckMode;
import org.pediconsult.hl7.internal.common.Hl7Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One inbound frame: decode, read the header, answer a duplicate with its first ACK, check the
 * sender, parse, (process,) store, and only then acknowledge. Every frame gets an answer and a row,
 * accepted or not. Logs name channels, types and control ids, never message content.
 *
 * <p><b>Acknowledge after storing ({@link AckAfter#STORED}, the default).</b> Everything that has no
 * side effect is still checked before the ACK and refused synchronously as in the other mode: size,
 * MSH, header, duplicate, parse, sending facility, and the mapping to the consultation DTO (a missing
 * PID-3/5/7 or a bad OBX answers AE with ERR at the field). A message to be processed is then stored
 * as RECEIVED in the group commit and answered AA/CA; the channel's {@link InboundProcessor} processes
 * it from the store afterwards ({@link MessageProcessing#processStored}) and records PROCESSED or ERROR. The ACK a
 * duplicate gets is that AA. Crash semantics are the processor's (see there): an ACKed message is
 * stored, and is processed at least once and marked PROCESSED once.
 *
 * <p><b>Order and crashes when acknowledging after processing ({@link AckAfter#PROCESSED}).</b> Processing (ADT: the patient upsert, its own transaction in the
 * consultation bundle) runs <i>before</i> the message is stored, because the stored row records its
 * outcome and the ACK it got; the store then commits it in a group ({@link MessageStore}) and the ACK
 * goes out only after that commit (and, on H2, after the commit is forced to disk). If the process
 * dies between the upsert and the store commit, the sender got no ACK and sends again; nothing of
 * the message is stored, so the resend is processed again, which the upsert tolerates (idempotent
 * by HIS identifier), and stored once. If it dies after the commit but before the ACK left, the
 * resend is a duplicate: stored as DUPLICATE and answered with the stored ACK, not processed. While
 * the first delivery of a key is in flight, a copy on another connection waits for its ACK (and
 * answers AE, storing nothing, if the first one fails), so a key is processed once.
 *
 * <p><b>Contributed types.</b> A type another bundle processes ({@link ContributedTypes}: an
 * {@code Hl7InboundProcessor} registered for its MSH-9) is handled like ADT and ORU in both modes: its
 * processor validates it before the ACK and processes it before or after the ACK; while no processor is
 * registered for it, it is stored and ACCEPTED as any other type.
 *
 * <p><b>Parts.</b> This class takes a frame to its answer: the checks before parsing, parse, the
 * sending facility and when to acknowledge. {@link StoreBeforeAck} records each outcome and ACK and
 * returns the ACK once the row is stored; {@link MessageProcessing} validates and processes by type;
 * {@link Reprocessing} runs a stored message again.
 */
final class InboundHandler implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger(InboundHandler.class);
    /** How the error of a message over max.message.bytes begins and goes on (such rows are stored cut). */
    static final String OVERSIZED = "message of ";
    static final String LARGER = " is larger than this channel accepts ";

    private final String channel;
    private final AckMode mode;
    private final Set<String> allowedFacilities;
    private final int maxBytes;
    private final MessageStore store;
    private final PipeParser parser;
    private final Acks acks;
    private final Clock clock;
    private final AckAfter ackAfter;
    private final ParseBudget budget;
    private final Hl7Tables tables;
    private final MessageProcessing processing;
    private final StoreBeforeAck answer;
    private final Reprocessing reprocessing;
    /** Called after a message was stored as RECEIVED (the channel's processor wakes up). */
    private volatile Runnable onReceived = () -> { };

    /**
     * A handler for {@code channel}, storing into {@code store}. The other settings default to: original ACKs,
     * any sending facility, messages up to 1,000,000 bytes, the system clock, no consultation services, ACKs
     * after PROCESSED (note: a channel's configuration defaults to STORED), the default parse limits, HAPI's
     * tables, no contributed types. {@link InboundChannel} sets each from the channel's configuration; a test sets
     * what it is about.
     */
    static InboundHandlerBuilder forChannel(String channel, MessageStore store, PipeParser parser) {
        return new InboundHandlerBuilder(channel, store, parser);
    }

    InboundHandler(InboundHandlerBuilder b, ParseBudget budget, Hl7Tables tables) {
        this.channel = b.channel;
        this.mode = b.mode;
        this.allowedFacilities = b.allowedFacilities;
        this.maxBytes = b.maxBytes;
        this.store = b.store;
        this.parser = b.parser;
        this.clock = b.clock;
        this.ackAfter = b.ackAfter;
        this.budget = budget;
        this.tables = tables;
        this.acks = new Acks(parser);
        this.processing = new MessageProcessing(channel, parser, b.patients, b.observations, b.processors, b.also);
        this.answer = new StoreBeforeAck(channel, mode, acks, store);
        this.reprocessing = new Reprocessing(channel, mode, ackAfter, store, acks, budget, tables, processing, answer);
    }

    /** Whether the service that processes this type is there (absent: retry without limit). */
    boolean serviceAvailable(String type) {
        return processing.serviceAvailable(type);
    }

    AckAfter ackAfter() {
        return ackAfter;
    }

    int maxBytes() {
        return maxBytes;
    }

    static Hl7Tables hapiTables() {
        try {
            return Hl7Tables.fromHapi();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    void onReceived(Runnable r) {
        this.onReceived = r;
    }

    @Override
    public void process(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        byte[] frame = body instanceof MllpFrameDecoder.OversizedFrame o ? o.head()
                : exchange.getMessage().getBody(byte[].class);
        String ack;
        try {
            ack = body instanceof MllpFrameDecoder.OversizedFrame o ? oversized(o)
                    : handle(frame == null ? new byte[0] : frame);
        } catch (Unavailable busy) {
            // e.g. waited too long to parse a large message: nothing stored, the sender sends it again
            LOG.warn("channel {}: message not handled now ({}); answered AE", channel, busy.getMessage());
            ack = acks.failed(Hl7Text.decode(frame == null ? new byte[0] : frame), mode, busy);
        } catch (Exception | LinkageError unexpected) {
            // never leave the sender without an answer: AE, and the sender may retry
            LOG.error("channel {}: message could not be handled ({}); answered AE", channel, unexpected.toString());
            ack = acks.failed(Hl7Text.decode(frame == null ? new byte[0] : frame), mode,
                    Acks.error("internal error while storing the message; send it again",
                            ErrorCode.APPLICATION_INTERNAL_ERROR, null, 0));
        }
        exchange.getMessage().setBody(ack.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A frame the decoder did not read past {@code max.message.bytes}: refused (AR), its beginning stored
     * for review (ERROR, the error saying it was cut). Not keyed: a resend is refused the same way.
     */
    String oversized(MllpFrameDecoder.OversizedFrame frame) throws Exception {
        MessageStore.Entry e = new MessageStore.Entry();
        e.channel = channel;
        e.receivedAt = clock.instant();
        e.raw = Hl7Text.decode(frame.head());
        MessageHeader header = MessageHeader.read(e.raw);
        if (header != null) {
            // shown for review; without a sender the row claims no key, so a resend is refused the same way
            e.type = header.messageType();
            e.version = header.version();
            e.controlId = header.controlId();
        }
        LOG.info("channel {}: a message of {} bytes was refused (max.message.bytes = {}); not read past the limit",
                channel, frame.length(), maxBytes);
        return answer.refuseUnparsed(e, String.format(java.util.Locale.ROOT, OVERSIZED + "%,d bytes" + LARGER
                + "(max.message.bytes = %,d); only its first %,d bytes were kept", frame.length(), maxBytes,
                frame.head().length), ErrorCode.APPLICATION_INTERNAL_ERROR, null, 0);
    }

    String handle(byte[] frame) throws Exception {
        MessageStore.Entry e = new MessageStore.Entry();
        e.channel = channel;
        e.receivedAt = clock.instant();
        e.raw = Hl7Text.decode(frame);
        if (frame.length > maxBytes) {
            return answer.refuseUnparsed(e, OVERSIZED + frame.length + " bytes" + LARGER + "(" + maxBytes + ")",
                    ErrorCode.APPLICATION_INTERNAL_ERROR, null, 0);
        }
        if (!e.raw.startsWith("MSH")) {
            return answer.refuseUnparsed(e, "not an HL7 v2 message: it must start with an MSH segment",
                    ErrorCode.SEGMENT_SEQUENCE_ERROR, "MSH", 0);
        }
        MessageHeader header = MessageHeader.read(e.raw);
        if (header == null || header.controlId().isEmpty() || header.messageType().isEmpty()) {
            return answer.refuseUnparsed(e, "the MSH segment cannot be read: it needs encoding characters, a "
                    + "message type (MSH-9) and a control id (MSH-10)", ErrorCode.REQUIRED_FIELD_MISSING, "MSH",
                    header == null ? 0 : header.messageType().isEmpty() ? 9 : 10);
        }
        String facility = header.sendingFacility();
        e.sender = header.sendingApplication() + "^" + facility;
        e.controlId = header.controlId();
        e.type = header.messageType();
        e.version = header.version();

        // acknowledging after the store, nothing before it acts outside the store: the key's unique
        // index finds a resend when it is written; acknowledging after processing, it must be found first
        InFlightClaims.Claim claim = store.claim(channel, e.sender, e.controlId, ackAfter == AckAfter.PROCESSED);
        if (!claim.first()) {
            return answer.duplicate(e, await(claim.firstAck()));
        }
        String ack = null;
        Throwable failure = null;
        try {
            ack = first(e, facility);
            return ack;
        } catch (Exception | Error t) {
            failure = t;
            throw t;
        } finally {
            store.release(e.key(), claim.firstAck(), ack, failure);
        }
    }

    /**
     * The first delivery of a key: the checks before parsing (control characters, the parse budget,
     * MSH-9 and MSH-12 against HL7's tables), then parse, check, process, store; the ACK it got.
     */
    private String first(MessageStore.Entry e, String facility) throws Exception {
        ParseBudget.Cost cost;
        try {
            cost = budget.measure(e.raw);
        } catch (HL7Exception refused) {
            return answer.refuseUnparsed(e, refused);
        }
        HL7Exception notInTables = tables.check(e.raw);
        if (notInTables != null) {
            return answer.refuseUnparsed(e, notInTables);
        }
        try (ParseBudget.Permit permit = budget.admit(cost)) { // Unavailable: AE, nothing stored (process)
            return parsed(e, facility);
        }
    }


    private String parsed(MessageStore.Entry e, String facility) throws Exception {
        Message message;
        try {
            message = parser.parse(e.raw);
        } catch (HL7Exception notParsed) {
            return answer.refuseUnparsed(e, "message cannot be parsed: " + notParsed.getMessage(), notParsed.getError(),
                    null, 0);
        }
        if (!allowedFacilities.isEmpty() && !allowedFacilities.contains(facility)) {
            HL7Exception why = Acks.error("sending facility '" + facility + "' is not allowed on channel " + channel,
                    ErrorCode.UNKNOWN_KEY_IDENTIFIER, "MSH", 4);
            answer.refuse(e, InboundOutcome.REJECTED, message, true, why);
            return answer.stored(e);
        }
        if (processing.processes(e.type) && ackAfter == AckAfter.STORED) {
            HL7Exception invalid = processing.validate(e.type, message);
            if (invalid != null) {
                answer.refuse(e, InboundOutcome.ERROR, message, false, invalid);
                return answer.stored(e);
            }
            e.outcome = InboundOutcome.RECEIVED;
            e.ack = acks.accept(message, mode);
            String ack = answer.stored(e);
            processing.handOff(e, message); // the processor need not parse it again
            onReceived.run();
            return ack;
        }
        if (processing.processes(e.type)) {
            HL7Exception refusal = processing.process(e, message);
            if (refusal != null) {
                answer.refuse(e, InboundOutcome.ERROR, message, false, refusal);
                return answer.stored(e);
            }
            e.outcome = InboundOutcome.PROCESSED;
        } else {
            e.outcome = InboundOutcome.ACCEPTED;
        }
        e.ack = acks.accept(message, mode);
        return answer.stored(e);
    }

    /** Processes a message stored as RECEIVED: {@link MessageProcessing#processStored}. */
    MessageProcessing.Processed processStored(MessageStore.Entry e) {
        return processing.processStored(e);
    }

    /** Reprocesses a stored ERROR or REJECTED message: {@link Reprocessing#reprocess}. */
    String reprocess(long id) throws Exception {
        return reprocessing.reprocess(id);
    }
}
