package org.pediconsult.pharmacy.internal.dispense;

import java.time.Instant;
import java.util.List;

import org.pediconsult.pharmacy.api.DispenseDTO;

/**
 * Dispenses made by the hospital pharmacy's own system (RDS^O13 inbound): the same record as a
 * pharmacist's here, with the same rules (approved, valid, once), source {@code hl7:<channel>}.
 */
public interface InboundDispenses {
    /**
     * Records the dispense; idempotent: when this prescription is already dispensed with the same lots,
     * answers that record unchanged (a resend of the same message).
     *
     * @throws DispenseRefused unknown prescription, not dispensable, a bad item (field names which)
     */
    DispenseDTO recordInbound(String prescriptionId, List<DispenseDTO.Item> items, String dispensedBy, Instant at,
                              String channel) throws DispenseRefused;
}
