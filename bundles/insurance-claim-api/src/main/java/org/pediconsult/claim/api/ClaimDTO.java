package org.pediconsult.claim.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A claim version for one consultation. */
public final class ClaimDTO {
    public String id;
    public String consultationId;
    public String childId;
    public String specialtyId;
    public String institution;
    public String payer;
    public int version;
    public String previousId;
    public ClaimState state;
    /** The rule-set version that qualified it (e.g. 2026-01), and every reason when not claimable. */
    public String ruleSetVersion;
    public List<String> reasons;
    public List<ClaimLine> lines;
    public CoverageDTO coverage;
    public BigDecimal claimed;
    public BigDecimal selfPay;
    public BigDecimal paid;
    /** The insurer's reasons when rejected or denied. */
    public List<String> insurerReasons;
    public Instant createdAt;
    public Instant submittedAt;
    public Instant answeredAt;
    public Instant adjudicatedAt;
    public int rowVersion;
}
