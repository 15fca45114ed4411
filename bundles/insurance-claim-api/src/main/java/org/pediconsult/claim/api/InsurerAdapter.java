package org.pediconsult.claim.api;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Sends a claim to one payer: register an OSGi service with the property {@value #PAYER} (the payer id of the
 * children's coverage). The claim bundle ships two: HL7 DFT^P03 over an outbound channel, and REST JSON to an
 * insurer's endpoint; a hospital adds its own insurer's without touching the claim bundle.
 *
 * <p>Submission is idempotent: the same claim version carries the same line transaction ids, and an adapter
 * must not send a claim again that it already sent (the claim bundle calls it at most once per version, and
 * again only after a failure it reported as {@link Outcome#RETRY}).
 */
@ConsumerType
public interface InsurerAdapter {
    String PAYER = "pediconsult.claim.payer";

    /** What a submission did. */
    enum Outcome {
        /** The insurer accepted the claim now (REST). */
        ACCEPTED,
        /** The insurer refused it now, with reasons (REST). */
        REJECTED,
        /** Sent; the answer comes later (HL7 ACK, a callback). */
        PENDING,
        /** Not sent (insurer unreachable): the claim bundle tries again later. */
        RETRY
    }

    record Submission(Outcome outcome, List<String> reasons) {
    }

    Submission submit(ClaimDTO claim) throws Exception;
}
