package org.pediconsult.claim.internal.qualification;

import java.util.Optional;
import java.util.TreeSet;

import org.pediconsult.claim.api.CoverageDTO;

/**
 * {@code pooling-region}: the coverage's pooling region is one of the hospital's home regions, or cross-region
 * settlement is configured ({@link RuleSet#crossRegion()}). Otherwise the visit is self-pay and the claim is marked
 * for later reimbursement (code {@value #OTHER_REGION}). Without a coverage it says nothing
 * ({@link CoverageKnownRule} does).
 */
public final class PoolingRegionRule implements QualificationRule {
    public static final String NAME = "pooling-region";
    /** The code of the reason that marks a claim for later reimbursement. */
    public static final String OTHER_REGION = "other-region";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Reason> check(ClaimFacts facts, RuleSet rules) {
        CoverageDTO c = facts.coverage();
        if (c == null) {
            return Optional.empty();
        }
        String region = c.region == null || c.region.isBlank() ? null : c.region.trim();
        if (region == null) {
            return Optional.of(new Reason(NAME, "region-unknown", "医保统筹区未知",
                    "the coverage's pooling region is unknown"));
        }
        if (rules.homeRegions().contains(region) || rules.crossRegion()) {
            return Optional.empty();
        }
        String home = String.join(", ", new TreeSet<>(rules.homeRegions()));
        return Optional.of(new Reason(NAME, OTHER_REGION,
                "参保地 " + region + " 不属于本统筹区（" + home + "），未开通异地结算：本次自费，标记为待后续报销",
                "insured in pooling region " + region + ", not the home region (" + home
                        + ") and cross-region settlement is not configured: self-pay now, marked for later reimbursement"));
    }
}
