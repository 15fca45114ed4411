package org.pediconsult.hl7.internal.inbound;

import java.util.List;
import java.util.function.Function;

import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.PipeParser;
import org.pediconsult.consultation.api.HisObservations;
import org.pediconsult.consultation.api.HisPatients;
import org.pediconsult.consultation.api.UnknownHisPatientException;
import org.pediconsult.consultation.api.dto.HisObservationReport;
import org.pediconsult.hl7.api.Hl7InboundProcessor;
import org.pediconsult.hl7.api.Hl7InboundRefusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What processing a message of a channel is, by its type: ADT A04/A08/A28/A31 to the consultation
 * bundle's {@link HisPatients}, ORU R01 to its {@link HisObservations}, a contributed type to its
 * processor ({@link ContributedTypes}), then the "also" processors of a built-in type; and the checks of
 * processing that have no side effect ({@link #validate}), which run before the ACK in both modes. The
 * {@link InboundHandler} processes before its ACK ({@link AckAfter#PROCESSED}) and when reprocessing;
 * the {@link InboundProcessor} processes RECEIVED messages from the store ({@link #processStored}).
 * A refusal comes back as the HL7Exception for the negative ACK, {@link Unavailable} when retrying
 * may cure it. Logs name channels, types and control ids, never message content.
 */
final class MessageProcessing {
    // the log category stays InboundHandler's, as before the handler was split (log lines, log settings)
    private static final Logger LOG = LoggerFactory.getLogger(InboundHandler.class);

    /** What {@link #processStored} did. */
    enum Processed { PROCESSED, ERROR, RETRY }

    private final String channel;
    private final PipeParser parser;
    /** Messages parsed on receipt, so that processing the stored row does not parse it again. */
    private final ParsedHandoff handoff = new ParsedHandoff();
    private final java.util.function.Supplier<HisPatients> patients;
    private final java.util.function.Supplier<HisObservations> observations;
    private final AdtPatientMapping mapping = new AdtPatientMapping();
    private final ContributedTypes contributed;
    private final Function<String, List<Hl7InboundProcessor>> also;

    /**
     * @param processors the contributed processor of an MSH-9 type ({@code RDS^O13}), or null
     *                   ({@link ContributedProcessors})
     * @param also the "also" processors of an MSH-9 type the bridge processes itself
     *             ({@link ContributedProcessors#alsoFor})
     */
    MessageProcessing(String channel, PipeParser parser, java.util.function.Supplier<HisPatients> patients,
                      java.util.function.Supplier<HisObservations> observations,
                      Function<String, Hl7InboundProcessor> processors,
                      Function<String, List<Hl7InboundProcessor>> also) {
        this.contributed = new ContributedTypes(channel, processors);
        this.also = also;
        this.channel = channel;
        this.parser = parser;
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
    boolean processes(String type) {
        return builtIn(type) || contributed.processes(type);
    }

    /** Processes the message (consultation bundle or contributed processor); names its patient(s) on the entry (e.patient). */
    HL7Exception process(MessageStore.Entry e, Message message) {
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
    HL7Exception validate(String type, Message message) {
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
        Message message = handoff.take(e.id);
        if (message == null) {
            message = parseStored(e, notParsed -> { });
        }
        if (message == null) {
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
     * Hands a message just stored as RECEIVED (row {@code e.id}), parsed on receipt, to {@link #processStored};
     * the caller does not use it afterwards. A row id of 0 (not stored as a first delivery) is ignored.
     */
    void handOff(MessageStore.Entry e, Message message) {
        if (e.id > 0 && e.outcome == InboundOutcome.RECEIVED) {
            handoff.put(e.id, message);
        }
    }

    /**
     * Parses a stored message again (the processor's step and reprocessing). One that does not parse is
     * marked ERROR with the parser's reason, {@code notParsed} gets the parser's exception (reprocessing
     * builds its negative ACK from it), and the answer is null.
     */
    Message parseStored(MessageStore.Entry e, java.util.function.Consumer<HL7Exception> notParsed) {
        try {
            return parser.parse(e.raw);
        } catch (HL7Exception unparsed) {
            e.outcome = InboundOutcome.ERROR;
            e.error = "message cannot be parsed: " + unparsed.getMessage();
            notParsed.accept(unparsed);
            return null;
        }
    }
}
