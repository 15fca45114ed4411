package org.pediconsult.consultation.api;

import org.osgi.annotation.versioning.ProviderType;
import org.pediconsult.consultation.api.dto.HisPatient;

/**
 * Patients registered or updated by the hospital information system (HL7 ADT A04/A08/A28/A31): the
 * child is matched by its HIS identifier, its guardians (NK1) are created or updated, and the
 * guardian relationship is recorded as verified by the HIS.
 *
 * @since 1.1
 */
@ProviderType
public interface HisPatients {
    /**
     * Creates or updates the child and its guardians in one transaction, audited as {@code source}
     * (e.g. {@code hl7:his}). Returns the child's PediConsult id.
     *
     * @throws IllegalArgumentException naming the missing or invalid field (e.g. {@code PID-3})
     */
    String upsert(HisPatient patient, String source);
}
