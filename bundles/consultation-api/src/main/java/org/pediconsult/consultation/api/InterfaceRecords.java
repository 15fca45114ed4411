package org.pediconsult.consultation.api;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.pediconsult.consultation.api.dto.ConsultationRecord;

/**
 * Read access for the hospital interfaces (the HL7 bridge's outbound mappers): one consultation with
 * its child, guardian and physician, as of now. There is no user behind these reads, so each is
 * audited as the interface {@code source} (e.g. {@code hl7:outbound}) with the purpose given.
 *
 * @since 1.2
 */
@ProviderType
public interface InterfaceRecords {
    /**
     * The consultation and the people in it, or empty when there is no such consultation.
     *
     * @param source  who reads, for the audit trail (e.g. {@code hl7:outbound})
     * @param purpose why, for the audit trail (e.g. {@code SIU^S12 for consultation.booked})
     */
    Optional<ConsultationRecord> consultation(String consultationId, String source, String purpose);
}
