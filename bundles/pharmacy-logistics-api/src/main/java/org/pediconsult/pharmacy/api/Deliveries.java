package org.pediconsult.pharmacy.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Dispenses and deliveries for other bundles (reports, claims): interface reads, audited with the source
 * and purpose given.
 *
 * <p>Events (domain {@code pharmacy}, payload ids only): {@value #DISPENSED} (aggregate = dispense id;
 * {@code dispenseId, prescriptionId, consultationId, childId, source}), and {@code delivery-<state>} for
 * every delivery state change (aggregate = delivery id; {@code deliveryId, prescriptionId, consultationId,
 * childId, from, state, actor}), plus {@value #COLD_CHAIN_ALARM} on a temperature excursion.
 */
@ProviderType
public interface Deliveries {
    String DISPENSED = "dispensed";
    String COLD_CHAIN_ALARM = "cold-chain-alarm";

    /** The dispense records of a consultation's prescriptions, oldest first. */
    List<DispenseDTO> dispensesOfConsultation(String consultationId, String source, String purpose);

    /** The delivery orders of a consultation's prescriptions, oldest first, with their timelines. */
    List<DeliveryDTO> deliveriesOfConsultation(String consultationId, String source, String purpose);
}
