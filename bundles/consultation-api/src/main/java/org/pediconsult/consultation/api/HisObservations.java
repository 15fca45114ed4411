package org.pediconsult.consultation.api;

import org.osgi.annotation.versioning.ProviderType;
import org.pediconsult.consultation.api.dto.HisObservationReport;

/**
 * Observations sent by the hospital (HL7 ORU R01: lab results, remote-monitoring measurements) put
 * on the child's record. The child must already be known by its HIS identifier (registered by an
 * ADT A04/A28 or with {@code id_type = HIS}); observations never create a patient.
 *
 * <p>Idempotent: each observation is kept under a key made of the child, the order (filler order
 * number OBR-3, else placer order number OBR-2), the service (OBR-4), the OBX set id (OBX-1), the
 * observation identifier and coding system (OBX-3), the sub-id (OBX-4) and the observation time
 * (OBX-14, else OBR-7). A report recorded again (a resend after a lost ACK, a reprocessed message,
 * the same results under a new control id) adds nothing; an observation whose key is known but
 * whose value or status changed (preliminary to final, corrected) is updated in place, except that
 * a preliminary result never replaces a final or corrected one.
 *
 * @since 1.2
 */
@ProviderType
public interface HisObservations {
    /**
     * Records the report's observations on the child's record in one transaction, each write audited
     * as {@code source} (e.g. {@code hl7:his}). Returns how many observations were added or changed
     * (0 when the report was already recorded).
     *
     * @throws UnknownHisPatientException when no child has the report's HIS identifier (PID-3)
     * @throws IllegalArgumentException naming the missing or invalid field (e.g. {@code OBX-3})
     */
    int record(HisObservationReport report, String source);
}
