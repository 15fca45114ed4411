package org.pediconsult.prescription.api;

import java.sql.Connection;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Prescriptions for other bundles (dispensing, claims, reports). Reads are audited with the source and
 * purpose given; object checks are the caller's (these are interface reads, not a user's).
 *
 * <p>Events (domain {@code prescription}, aggregate = prescription id, payload ids only):
 * {@value #SIGNED}, {@value #APPROVED}, {@value #REJECTED}, {@value #VOIDED}, {@value #EXPIRED},
 * {@value #DISPENSED}; each payload has {@code prescriptionId, consultationId, childId, version, state,
 * actor}, {@value #VOIDED} also {@code sentToPharmacy} (items already sent: the pharmacy gets ORC-1 CA).
 */
@ProviderType
public interface Prescriptions {
    String SIGNED = "signed";
    String APPROVED = "approved";
    String REJECTED = "rejected";
    String VOIDED = "voided";
    String EXPIRED = "expired";
    String DISPENSED = "dispensed";

    /** The prescription, or empty. Audited as a read by {@code source} for {@code purpose}. */
    Optional<PrescriptionDTO> find(String prescriptionId, String source, String purpose);

    /**
     * Marks an APPROVED, still valid prescription DISPENSED in the caller's transaction (single use), with
     * its event and audit entry; 409 {@code not_dispensable} when it is not APPROVED, expired or already
     * dispensed, 404 when there is none.
     */
    PrescriptionDTO dispensed(Connection tx, String prescriptionId, String actor);
}
