package org.pediconsult.claim.internal.hl7;

import java.util.Optional;

import org.pediconsult.claim.api.ClaimDTO;

/**
 * Reads one claim version for an interface (the DFT^P03 mapper), as it is now, with its lines and coverage
 * snapshot. There is no user behind these reads: each is audited as the interface {@code source} (e.g.
 * {@code hl7:outbound}) with the purpose given. Implemented by the claim store's service (an OSGi service of
 * this bundle); the mapper waits for it.
 */
public interface ClaimReader {
    /**
     * The claim version with this id, or empty when there is none.
     *
     * @param source  who reads, for the audit trail (e.g. {@code hl7:outbound})
     * @param purpose why, for the audit trail (e.g. {@code claim.submitted <eventId>})
     */
    Optional<ClaimDTO> claim(String id, String source, String purpose);
}
