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
 * @since 1.1
 */
@ConsumerType
public interface Hl7InboundProcessor {
    /** Service property: the MSH-9 message types processed, e.g. {@code RDS^O13}. */
    String MESSAGE_TYPES = "pediconsult.hl7.message.types";

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
}
