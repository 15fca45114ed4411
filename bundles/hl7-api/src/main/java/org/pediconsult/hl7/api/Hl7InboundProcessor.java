package org.pediconsult.hl7.api;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

import ca.uhn.hl7v2.model.Message;

/**
 * Processes an inbound HL7 v2 message type the bridge does not process itself, the counterpart of
 * {@link Hl7OutboundMapper}: e.g. RDS^O13 from a hospital pharmacy system, processed by the pharmacy
 * logistics bundle. Register it as an OSGi service with the property {@value #MESSAGE_TYPES}: the MSH-9
 * types it processes ({@code RDS^O13}; a String, comma-separated, or String[]).
 *
 * <p>The bridge keeps its guarantees for these types: the message is stored before it is acknowledged,
 * duplicates (same sender and control id) are answered with the stored ACK and not processed again, and
 * an ACKed message is processed at least once and marked PROCESSED once. Before acknowledging, the bridge
 * calls {@link #validate} (no side effects): a refusal answers AE with ERR at the segment and field named.
 * It then calls {@link #process}, before the ACK or after it depending on the channel's
 * {@code ack.after}. While no processor for a type is registered, messages of that type are stored and
 * accepted, not processed.
 *
 * <p><b>"Also" processors.</b> Registered with {@value #ALSO} {@code true}, a processor may name types the
 * bridge processes itself (ADT A04/A08/A28/A31, ORU R01): it is then called through
 * {@link #processAlso} after the bridge's own processing succeeded, in the same processing step, with the
 * patient keys (child ids) the bridge found. It is not validated before the ACK and cannot refuse the
 * message: its refusal or failure is logged (type, control id, the processor's class; no patient data)
 * and the message stays PROCESSED. "Also" processors must therefore be idempotent and tolerant (what they
 * cannot map they skip); an engineer can reprocess the message.
 *
 * @since 1.1
 */
@ConsumerType
public interface Hl7InboundProcessor {
    /** Service property: the MSH-9 message types processed, e.g. {@code RDS^O13}. */
    String MESSAGE_TYPES = "pediconsult.hl7.message.types";

    /**
     * Service property (Boolean or {@code "true"}): the processor is called in addition to the bridge's own
     * processing of the types it names, after it succeeded ({@link #processAlso}), and never refuses them.
     */
    String ALSO = "pediconsult.hl7.also";

    /** Checks the message maps (required fields, known keys), without side effects. */
    void validate(Message message) throws Hl7InboundRefusal;

    /**
     * Processes the message, idempotently (a resend or a reprocessed message changes nothing twice).
     *
     * @param channel the inbound channel's name (e.g. {@code his}), for the records' source
     * @return the patient keys (child ids) the message reached, for the bridge's message record
     * @throws Hl7InboundRefusal what sending again will not fix (stored as ERROR, answered AE)
     * @throws RuntimeException anything else (e.g. the database): processed again later
     */
    List<String> process(Message message, String channel) throws Hl7InboundRefusal;

    /**
     * For an "also" processor ({@value #ALSO}): processes a message the bridge processed itself, after it
     * succeeded. A refusal or exception is logged and does not change the message's outcome (PROCESSED).
     *
     * @param patientKeys the child ids the bridge's own processing found (may be empty)
     * @return the patient keys it reached (informational)
     */
    default List<String> processAlso(Message message, String channel, List<String> patientKeys)
            throws Hl7InboundRefusal {
        return process(message, channel);
    }
}
