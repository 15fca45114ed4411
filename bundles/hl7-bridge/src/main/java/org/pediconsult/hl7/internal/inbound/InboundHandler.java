package org.pediconsult.hl7.internal.inbound;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.PipeParser;
import org.apache.camel.Exchange;
import org.pediconsult.consultation.api.HisObservations;
import org.pediconsult.consultation.api.HisPatients;
import org.pediconsult.consultation.api.UnknownHisPatientException;
import org.pediconsult.consultation.api.dto.HisObservationReport;
import org.pediconsult.hl7.api.Hl7InboundProcessor;
import org.pediconsult.hl7.api.Hl7InboundRefusal;
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
 * it from the store afterwards ({@link #processStored}) and records PROCESSED or ERROR. The ACK a
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
 */
final class InboundHandler implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger(InboundHandler.class);
    /** How the error of a message over max.message.bytes begins and goes on (such rows are stored cut). */
    static final String OVERSIZED = "message of ";
    static final String LARGER = " is larger than this channel accepts ";
    /** How long a message waits for its group commit (or for the first copy of its key) before AE. */
    static final long STORE_TIMEOUT_SECONDS = 60;

    private final String channel;
    private final AckMode mode;
    private final Set<String> allowedFacilities;
    private final int maxBytes;
    private final MessageStore store;
    private final PipeParser parser;
    private final Acks acks;
    private final Clock clock;
    private final java.util.function.Supplier<HisPatients> patients;
    private final java.util.function.Supplier<HisObservations> observations;
    private final AdtPatientMapping mapping = new AdtPatientMapping();
    private final AckAfter ackAfter;
    private final ParseBudget budget;
    private final Hl7Tables tables;
    private final ContributedTypes contributed;
    private final Function<String, List<Hl7InboundProcessor>> also;
    /** Called after a message was stored as RECEIVED (the channel's processor wakes up). */
    private volatile Runnable onReceived = () -> { };

    /**
     * A refusal that retrying may cure: the consultation service is absent or failed unexpectedly. In
     * PROCESSED mode it is answered AE "send again later" like any refusal; the processor retries it.
     */
    static final class Unavailable extends HL7Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(String text) {
            super(text, ErrorCode.APPLICATION_INTERNAL_ERROR);
        }
    }

    /** What {@link #processStored} did. */
    enum Processed { PROCESSED, ERROR, RETRY }

    InboundHandler(String channel, AckMode mode, Set<String> allowedFacilities, int maxBytes, MessageStore store,
                   PipeParser parser, Clock clock, java.util.function.Supplier<HisPatients> patients) {
        this(channel, mode, allowedFacilities, maxBytes, store, parser, clock, patients, () -> null);
    }

    InboundHandler(String channel, AckMode mode, Set<String> allowedFacilities, int maxBytes, MessageStore store,
                   PipeParser parser, Clock clock, java.util.function.Supplier<HisPatients> patients,
                   java.util.function.Supplier<HisObservations> observations) {
        this(channel, mode, allowedFacilities, maxBytes, store, parser, clock, patients, observations, AckAfter.PROCESSED);
    }

    InboundHandler(String channel, AckMode mode, Set<String> allowedFacilities, int maxBytes, MessageStore store,
                   PipeParser parser, Clock clock, java.util.function.Supplier<HisPatients> patients,
                   java.util.function.Supplier<HisObservations> observations, AckAfter ackAfter) {
        this(channel, mode, allowedFacilities, maxBytes, store, parser, clock, patients, observations, ackAfter,
                new ParseBudget(FrameLimits.DEFAULTS), hapiTables());
    }

    InboundHandler(String channel, AckMode mode, Set<String> allowedFacilities, int maxBytes, MessageStore store,
                   PipeParser parser, Clock clock, java.util.function.Supplier<HisPatients> patients,
                   java.util.function.Supplier<HisObservations> observations, AckAfter ackAfter, ParseBudget budget,
                   Hl7Tables tables) {
        this(channel, mode, allowedFacilities, maxBytes, store, parser, clock, patients, observations, ackAfter, budget,
                tables, type -> null);
    }

    /** @param processors the contributed processor of an MSH-9 type ({@code RDS^O13}), or null ({@link ContributedProcessors}) */
    InboundHandler(String channel, AckMode mode, Set<String> allowedFacilities, int maxBytes, MessageStore store,
                   PipeParser parser, Clock clock, java.util.function.Supplier<HisPatients> patients,
                   java.util.function.Supplier<HisObservations> observations, AckAfter ackAfter, ParseBudget budget,
                   Hl7Tables tables, Function<String, Hl7InboundProcessor> processors) {
        this(channel, mode, allowedFacilities, maxBytes, store, parser, clock, patients, observations, ackAfter, budget,
                tables, processors, type -> List.of());
    }

    /** @param also the "also" processors of an MSH-9 type the bridge processes itself ({@link ContributedProcessors#alsoFor}) */
    InboundHandler(String channel, AckMode mode, Set<String> allowedFacilities, int maxBytes, MessageStore store,
                   PipeParser parser, Clock clock, java.util.function.Supplier<HisPatients> patients,
                   java.util.function.Supplier<HisObservations> observations, AckAfter ackAfter, ParseBudget budget,
                   Hl7Tables tables, Function<String, Hl7InboundProcessor> processors,
                   Function<String, List<Hl7InboundProcessor>> also) {
        this.contributed = new ContributedTypes(channel, processors);
        this.also = also;
        this.budget = budget;
        this.tables = tables;
        this.ackAfter = ackAfter;
        this.channel = channel;
        this.mode = mode;
        this.allowedFacilities = allowedFacilities;
        this.maxBytes = maxBytes;
        this.store = store;
        this.parser = parser;
        this.acks = new Acks(parser);
        this.clock = clock;
        this.patients = patients;
        this.observations = observations;
    }

    /** Whether the service that processes this type is there (absent: retry without limit). */
    boolean serviceAvailable(String type) {
        if (OruObservationMapping.EVENT.equals(type)) {
            return observations.get() != null;
        }
        return AdtPatientMapping.EVENTS.contains(type) ? patients.get() != null : contributed.processes(type);
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
        return refuseUnparsed(e, String.format(java.util.Locale.ROOT, OVERSIZED + "%,d bytes" + LARGER
                + "(max.message.bytes = %,d); only its first %,d bytes were kept", frame.length(), maxBytes,
                frame.head().length), ErrorCode.APPLICATION_INTERNAL_ERROR, null, 0);
    }

    String handle(byte[] frame) throws Exception {
        MessageStore.Entry e = new MessageStore.Entry();
        e.channel = channel;
        e.receivedAt = clock.instant();
        e.raw = Hl7Text.decode(frame);
        if (frame.length > maxBytes) {
            return refuseUnparsed(e, OVERSIZED + frame.length + " bytes" + LARGER + "(" + maxBytes + ")",
                    ErrorCode.APPLICATION_INTERNAL_ERROR, null, 0);
        }
        if (!e.raw.startsWith("MSH")) {
            return refuseUnparsed(e, "not an HL7 v2 message: it must start with an MSH segment",
                    ErrorCode.SEGMENT_SEQUENCE_ERROR, "MSH", 0);
        }
        MessageHeader header = MessageHeader.read(e.raw);
        if (header == null || header.controlId().isEmpty() || header.messageType().isEmpty()) {
            return refuseUnparsed(e, "the MSH segment cannot be read: it needs encoding characters, a message type "
                    + "(MSH-9) and a control id (MSH-10)", ErrorCode.REQUIRED_FIELD_MISSING, "MSH",
                    header == null ? 0 : header.messageType().isEmpty() ? 9 : 10);
        }
        String facility = header.sendingFacility();
        e.sender = header.sendingApplication() + "^" + facility;
        e.controlId = header.controlId();
        e.type = header.messageType();
        e.version = header.version();

        // acknowledging after the store, nothing before it acts outside the store: the key's unique
        // index finds a resend when it is written; acknowledging after processing, it must be found first
        MessageStore.Claim claim = store.claim(channel, e.sender, e.controlId, ackAfter == AckAfter.PROCESSED);
        if (!claim.first()) {
            return duplicate(e, await(claim.firstAck()));
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
            return refuseUnparsed(e, refused);
        }
        HL7Exception notInTables = tables.check(e.raw);
        if (notInTables != null) {
            return refuseUnparsed(e, notInTables);
        }
        try (ParseBudget.Permit permit = budget.admit(cost)) { // Unavailable: AE, nothing stored (process)
            return parsed(e, facility);
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

    private String parsed(MessageStore.Entry e, String facility) throws Exception {
        Message message;
        try {
            message = parser.parse(e.raw);
        } catch (HL7Exception notParsed) {
            return refuseUnparsed(e, "message cannot be parsed: " + notParsed.getMessage(), notParsed.getError(),
                    null, 0);
        }
        if (!allowedFacilities.isEmpty() && !allowedFacilities.contains(facility)) {
            HL7Exception why = Acks.error("sending facility '" + facility + "' is not allowed on channel " + channel,
                    ErrorCode.UNKNOWN_KEY_IDENTIFIER, "MSH", 4);
            refuse(e, InboundOutcome.REJECTED, message, true, why);
            return stored(e);
        }
        if (processes(e.type) && ackAfter == AckAfter.STORED) {
            HL7Exception invalid = validate(e.type, message);
            if (invalid != null) {
                refuse(e, InboundOutcome.ERROR, message, false, invalid);
                return stored(e);
            }
            e.outcome = InboundOutcome.RECEIVED;
            e.ack = acks.accept(message, mode);
            String ack = stored(e);
            onReceived.run();
            return ack;
        }
        if (processes(e.type)) {
            HL7Exception refusal = process(e, message);
            if (refusal != null) {
                refuse(e, InboundOutcome.ERROR, message, false, refusal);
                return stored(e);
            }
            e.outcome = InboundOutcome.PROCESSED;
        } else {
            e.outcome = InboundOutcome.ACCEPTED;
        }
        e.ack = acks.accept(message, mode);
        return stored(e);
    }

    /**
     * ADT A04/A08/A28/A31: the patient and next of kin go to the consultation bundle (an idempotent
     * upsert by HIS identifier, so a resend after a lost ACK does no harm). Null when done, else the
     * refusal for the negative ACK.
     */
    private HL7Exception registerPatient(MessageStore.Entry e, Message message) {
        HisPatients target = patients.get();
        if (target == null) {
            return new Unavailable("the consultation service is not available; send again later");
        }
        try {
            e.patient = target.upsert(mapping.map(message), "hl7:" + channel);
            return null;
        } catch (AdtPatientMapping.MissingField missing) {
            return Acks.error(missing.getMessage(), ErrorCode.REQUIRED_FIELD_MISSING, missing.segment, missing.field);
        } catch (HL7Exception | IllegalArgumentException invalid) {
            return Acks.error("patient could not be registered: " + invalid.getMessage(),
                    ErrorCode.APPLICATION_INTERNAL_ERROR, null, 0);
        }
    }

    /** Types processed into the consultation bundle (outcome PROCESSED). */
    private static boolean builtIn(String type) {
        return AdtPatientMapping.EVENTS.contains(type) || OruObservationMapping.EVENT.equals(type);
    }

    /** Types processed (outcome PROCESSED): built in, or with a contributed processor now; others are just accepted. */
    private boolean processes(String type) {
        return builtIn(type) || contributed.processes(type);
    }

    /** Processes the message (consultation bundle or contributed processor); names its patient(s) on the entry (e.patient). */
    private HL7Exception process(MessageStore.Entry e, Message message) {
        if (!builtIn(e.type)) {
            return contributed.process(e, message);
        }
        HL7Exception refusal = OruObservationMapping.EVENT.equals(e.type) ? recordObservations(e, message)
                : registerPatient(e, message);
        if (refusal == null) {
            processAlso(e, message);
        }
        return refusal;
    }

    /**
     * The "also" processors of a built-in type, after the bridge's own processing succeeded, with the child
     * ids it found (e.patient). Their refusals and failures are logged (type, control id, the processor's
     * class: no patient data) and change nothing: the message stays PROCESSED (an engineer may reprocess it).
     */
    private void processAlso(MessageStore.Entry e, Message message) {
        List<Hl7InboundProcessor> processors;
        try {
            processors = also.apply(e.type);
        } catch (RuntimeException failed) {
            LOG.warn("channel {}: {} control id {}: also-processors not found ({})", channel, e.type, e.controlId,
                    failed.getClass().getName());
            return;
        }
        if (processors == null || processors.isEmpty()) {
            return;
        }
        List<String> keys = e.patient == null || e.patient.isBlank() ? List.of()
                : java.util.Arrays.stream(e.patient.split(",")).map(String::trim).filter(k -> !k.isEmpty()).toList();
        for (Hl7InboundProcessor p : processors) {
            try {
                p.processAlso(message, channel, keys);
            } catch (Hl7InboundRefusal refused) {
                LOG.warn("channel {}: {} control id {} refused by also-processor {} (message stays PROCESSED)", channel,
                        e.type, e.controlId, p.getClass().getName());
            } catch (RuntimeException | LinkageError failed) {
                LOG.warn("channel {}: {} control id {} failed in also-processor {} ({}; message stays PROCESSED)",
                        channel, e.type, e.controlId, p.getClass().getName(), failed.getClass().getName());
            }
        }
    }

    /**
     * ORU R01: each PATIENT_RESULT's observations go on that child's record (idempotent by result
     * key, so a resend or a reprocessed message adds nothing twice). Null when done, else the
     * refusal for the negative ACK: the missing or malformed field, or PID-3 of an unknown patient.
     */
    private HL7Exception recordObservations(MessageStore.Entry e, Message message) {
        HisObservations target = observations.get();
        if (target == null) {
            return new Unavailable("the consultation service is not available; send again later");
        }
        int patient = 0;
        java.util.Set<String> children = new java.util.LinkedHashSet<>();
        try {
            for (HisObservationReport report : new OruObservationMapping().map(message)) {
                patient++;
                target.record(report, "hl7:" + channel);
                if (report.childId != null) {
                    children.add(report.childId);
                }
            }
            return null;
        } catch (OruObservationMapping.Invalid invalid) {
            return invalid.toHl7();
        } catch (UnknownHisPatientException unknown) {
            HL7Exception refused = Acks.error(unknown.getMessage(), ErrorCode.UNKNOWN_KEY_IDENTIFIER, "PID", 3);
            refused.setSegmentRepetition(patient);
            return refused;
        } catch (HL7Exception unreadable) {
            return unreadable; // HAPI's own location of what it could not read
        } catch (IllegalArgumentException invalid) {
            return Acks.error("observations could not be recorded: " + invalid.getMessage(),
                    ErrorCode.APPLICATION_INTERNAL_ERROR, null, 0);
        } catch (RuntimeException failed) {
            // e.g. the database: stored as ERROR for reprocessing rather than left unstored
            LOG.warn("channel {}: observations could not be recorded ({})", channel, failed.getClass().getName());
            return new Unavailable("observations could not be recorded (internal error); send again later");
        } finally {
            // the children whose record the message reached, also when a later patient group was refused
            e.patient = MessageStore.patients(children);
        }
    }

    /**
     * The checks of processing that have no side effect: the mapping to the consultation DTO (ADT:
     * PID-3, PID-5, PID-7; ORU: PID-3, OBX-3, times, numbers). Null when the message maps, else the
     * refusal for the negative ACK, located like processing would locate it.
     */
    private HL7Exception validate(String type, Message message) {
        if (!builtIn(type)) {
            return contributed.validate(type, message);
        }
        try {
            if (OruObservationMapping.EVENT.equals(type)) {
                new OruObservationMapping().map(message);
            } else {
                mapping.map(message);
            }
            return null;
        } catch (AdtPatientMapping.MissingField missing) {
            return Acks.error(missing.getMessage(), ErrorCode.REQUIRED_FIELD_MISSING, missing.segment, missing.field);
        } catch (OruObservationMapping.Invalid invalid) {
            return invalid.toHl7();
        } catch (HL7Exception unreadable) {
            return OruObservationMapping.EVENT.equals(type) ? unreadable
                    : Acks.error("patient could not be registered: " + unreadable.getMessage(),
                            ErrorCode.APPLICATION_INTERNAL_ERROR, null, 0);
        } catch (IllegalArgumentException invalid) {
            return Acks.error((OruObservationMapping.EVENT.equals(type) ? "observations could not be recorded: "
                    : "patient could not be registered: ") + invalid.getMessage(), ErrorCode.APPLICATION_INTERNAL_ERROR,
                    null, 0);
        }
    }

    /**
     * Processes a message stored as RECEIVED (the processor's step; the same processing as in
     * PROCESSED mode). Sets {@code e.outcome} and {@code e.error} for PROCESSED or ERROR (what retrying
     * will not fix: unknown patient, a refused field); RETRY (nothing set) when the consultation service
     * is absent or failed unexpectedly, e.g. its database. A RECEIVED message of another type was stored
     * because a contributed processor took its type: while that processor is away, RETRY too.
     */
    Processed processStored(MessageStore.Entry e) {
        Message message;
        try {
            message = parser.parse(e.raw);
        } catch (HL7Exception notParsed) {
            e.outcome = InboundOutcome.ERROR;
            e.error = "message cannot be parsed: " + notParsed.getMessage();
            return Processed.ERROR;
        }
        HL7Exception refusal;
        try {
            refusal = process(e, message);
        } catch (RuntimeException failed) {
            LOG.warn("channel {}: message {} ({} control id {}) could not be processed ({}); will retry", channel, e.id,
                    e.type, e.controlId, failed.toString());
            e.error = "processing failed: " + failed;
            return Processed.RETRY;
        }
        if (refusal instanceof Unavailable) {
            e.error = refusal.getMessage();
            return Processed.RETRY;
        }
        if (refusal != null) {
            e.outcome = InboundOutcome.ERROR;
            e.error = refusal.getMessage();
            LOG.info("channel {}: message {} ({} control id {}) not processed: ERROR", channel, e.id, e.type,
                    e.controlId);
            return Processed.ERROR;
        }
        e.outcome = InboundOutcome.PROCESSED;
        e.error = null;
        return Processed.PROCESSED;
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
        Message message;
        try {
            message = parser.parse(e.raw);
        } catch (HL7Exception notParsed) {
            e.outcome = InboundOutcome.ERROR;
            e.error = "message cannot be parsed: " + notParsed.getMessage();
            e.ack = acks.refuseUnparsed(e.raw, mode, Acks.error(e.error, notParsed.getError(), null, 0));
            store.updateOutcome(id, e);
            return e.outcome.name();
        }
        HL7Exception refusal = processes(e.type) ? process(e, message) : null;
        // a message acknowledged positively at receipt (STORED mode: AA, then ERROR in processing) keeps
        // that ACK for its resends: the ACK said "stored", which stays true
        String acceptedAtReceipt = ackAfter == AckAfter.STORED && e.ack != null && positive(e.ack) ? e.ack : null;
        if (refusal != null) {
            refuse(e, InboundOutcome.ERROR, message, false, refusal);
        } else {
            e.outcome = processes(e.type) ? InboundOutcome.PROCESSED : InboundOutcome.ACCEPTED;
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

    private static boolean positive(String ack) {
        return ack.contains("\rMSA|AA") || ack.contains("\rMSA|CA") || ack.contains("\nMSA|AA")
                || ack.contains("\nMSA|CA");
    }

    /** The entry refused with a negative ACK (AR when {@code reject}, else AE) naming what and where. */
    private void refuse(MessageStore.Entry e, InboundOutcome outcome, Message message, boolean reject, HL7Exception why)
            throws HL7Exception, java.io.IOException {
        e.outcome = outcome;
        e.error = why.getMessage();
        e.ack = acks.refuse(message, mode, reject, why);
    }

    private String refuseUnparsed(MessageStore.Entry e, String reason, ErrorCode code, String segment, int field)
            throws Exception {
        return refuseUnparsed(e, Acks.error(reason, code == null ? ErrorCode.APPLICATION_INTERNAL_ERROR : code, segment,
                field));
    }

    /** Refused before parsing (AR/CR with the ERR of {@code why}), stored as ERROR. */
    private String refuseUnparsed(MessageStore.Entry e, HL7Exception why) throws Exception {
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
    private String stored(MessageStore.Entry e) throws Exception {
        MessageStore.Stored s = await(store.store(e));
        if (s.duplicate()) {
            LOG.info("channel {}: {} control id {} was claimed by another delivery; stored as duplicate", channel,
                    e.type, e.controlId);
        } else {
            LOG.debug("channel {}: {} control id {} stored, {}", channel, e.type, e.controlId, e.outcome);
        }
        return s.ack();
    }

    private String duplicate(MessageStore.Entry e, String firstAck) throws Exception {
        await(store.storeDuplicate(e, firstAck));
        LOG.info("channel {}: duplicate {} control id {} stored and acknowledged again, not processed", channel,
                e.type, e.controlId);
        return firstAck;
    }

    /** Waits for the store (or for the first delivery of a key); a failure there fails this message (AE). */
    private static <T> T await(CompletableFuture<T> future) throws Exception {
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
