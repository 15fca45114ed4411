package org.pediconsult.hl7.api;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;
import org.pediconsult.platform.api.event.DomainEvent;

/**
 * Turns a domain event into HL7 v2 messages for the hospital. Register it as an OSGi service with the
 * property {@value #EVENT_TYPES}: the event types it maps (e.g. {@code consultation.booked}, or
 * {@code prescription.approved} for the prescription bundle's RDE^O11 mapper). The HL7 bridge
 * subscribes to those events while the mapper is registered; events published while it is absent
 * wait in the bridge's durable queue.
 *
 * <p>The bridge fills the header fields that belong to the destination (MSH-3 to MSH-6, MSH-7,
 * MSH-10, MSH-11, MSH-15/16) per outbound channel, stores each message durably and delivers it in
 * order per {@linkplain OutboundMessage#patientKey() patient}. A mapper only builds the message
 * body with HAPI (v2.5.1 model). Returning an empty list means "nothing to send for this event";
 * throwing {@link UnmappableEventException} parks the event for review; any other exception makes
 * the event be delivered again later (e.g. while a service the mapper needs is away).
 *
 * @since 1.0
 */
@ConsumerType
public interface Hl7OutboundMapper {
    /** Service property: the event types ({@code <domain>.<name>}) this mapper maps; String or String[]. */
    String EVENT_TYPES = "pediconsult.hl7.event.types";

    List<OutboundMessage> map(DomainEvent event) throws Exception;
}
