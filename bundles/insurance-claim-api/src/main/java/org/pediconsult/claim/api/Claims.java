package org.pediconsult.claim.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Claims for other bundles (reports): interface reads, audited with the source and purpose given.
 *
 * <p>Events (domain {@code claim}, aggregate = claim id, payload ids only): {@code drafted}, {@code qualified},
 * {@code ineligible}, {@code submitted}, {@code accepted}, {@code rejected}, {@code adjudicated},
 * {@code reconciled}; payload {@code claimId, consultationId, childId, version, state, payer}.
 */
@ProviderType
public interface Claims {
    List<ClaimDTO> ofConsultation(String consultationId, String source, String purpose);
}
