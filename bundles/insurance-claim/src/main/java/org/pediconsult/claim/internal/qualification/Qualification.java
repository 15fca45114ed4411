package org.pediconsult.claim.internal.qualification;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.pediconsult.claim.api.ClaimLine;
import org.pediconsult.consultation.api.ConsultationState;

/**
 * Qualifies a consultation for an insurance claim under the rule-set version in effect on its day, and prices it.
 *
 * <p>Every rule runs and every failing one is listed ({@link Result#reasons()}), not only the first.
 * <ul>
 * <li>All pass: claimable, one CG line with the visit's item code and amount (the first-visit code only for an
 * INITIAL consultation, else the follow-up code).</li>
 * <li>Only {@code completed-consultation} fails because it was ended and referred during its session, and the rule
 * set claims a partial fee ({@link RuleSet#referredPartialFee()} &gt; 0): claimable, one CG line of the partial fee
 * with the reason. With the default 0 it is not claimed.</li>
 * <li>Otherwise not claimable, with a self-pay line carrying the reasons: the visit's amount for a COMPLETED
 * consultation; the partial fee for one ended and referred when the rule set has one; none for a consultation
 * that was not held or not finished (cancelled, no-show, referred at triage, still open: nothing was rendered).
 * </li>
 * <li>No rule set in effect on the day: not claimable, the reason, no line (no price is known).</li>
 * </ul>
 * A delivery fee given by the caller is always a separate self-pay line ("delivery fees are never claimable").
 * Drug lines are added by the claim service.
 */
public final class Qualification {
    public static final String CHARGE = "CG";
    public static final String DELIVERY_REASON = "delivery fees are never claimable";

    private static final List<QualificationRule> RULES = List.of(
            new CompletedConsultationRule(),
            new PilotInstitutionRule(),
            new PilotSpecialtyRule(),
            new PilotWindowRule(),
            new WhiteListedPhysicianRule(),
            new PracticeYearsRule(),
            new GuardianPresenceRule(),
            new CoverageKnownRule(),
            new PoolingRegionRule());

    private Qualification() {
    }

    /**
     * The outcome.
     *
     * @param claimable      the insurer is asked to pay (the CG lines that are not self-pay)
     * @param ruleSetVersion the version applied, null when none was in effect
     * @param reasons        every failing rule's reason, in rule order (a claimable partial fee keeps its reason)
     * @param lines          the visit's line (claimed or self-pay) and the delivery fee's self-pay line
     */
    public record Result(boolean claimable, String ruleSetVersion, List<Reason> reasons, List<ClaimLine> lines) {
        public Result {
            reasons = List.copyOf(reasons);
            lines = List.copyOf(lines);
        }

        /**
         * Self-pay now only because the coverage is of another pooling region (cross-region settlement not
         * configured): the claim is marked for later reimbursement.
         */
        public boolean laterReimbursement() {
            return !claimable && !reasons.isEmpty()
                    && reasons.stream().allMatch(r -> PoolingRegionRule.OTHER_REGION.equals(r.code()));
        }

        /** The reasons' English texts (e.g. for {@code ClaimDTO.reasons}). */
        public List<String> reasonsEn() {
            return reasons.stream().map(Reason::en).toList();
        }
    }

    /** Every rule, in the order reasons are listed (they hold no state). */
    public static List<QualificationRule> rules() {
        return RULES;
    }

    /** {@link #run(ClaimFacts, RuleSets, BigDecimal)} without a delivery fee. */
    public static Result run(ClaimFacts facts, RuleSets ruleSets) {
        return run(facts, ruleSets, null);
    }

    /**
     * Qualifies {@code facts} under the version of {@code ruleSets} in effect on the consultation's day.
     *
     * @param deliveryFee the delivery fee (yuan), null or 0 when there is none; always a self-pay line
     */
    public static Result run(ClaimFacts facts, RuleSets ruleSets, BigDecimal deliveryFee) {
        BigDecimal delivery = deliveryFee == null ? null : Money.amount(deliveryFee, "delivery fee");
        Optional<RuleSet> found = ruleSets.forDay(facts.day());
        if (found.isEmpty()) {
            List<ClaimLine> lines = new ArrayList<>();
            if (delivery != null && delivery.signum() > 0) {
                lines.add(line(RuleSet.DEFAULT_DELIVERY_ITEM_CODE, "配送费 / Delivery fee", delivery, true,
                        DELIVERY_REASON));
            }
            return new Result(false, null, List.of(ruleSets.noRuleSet(facts.day())), lines);
        }
        RuleSet rules = found.get();
        List<Reason> reasons = new ArrayList<>();
        for (QualificationRule rule : RULES) {
            rule.check(facts, rules).ifPresent(reasons::add);
        }
        boolean initial = facts.initial();
        String visitCode = rules.visitItemCode(initial);
        String visitDescription = initial ? "在线问诊（初诊） / Online consultation, initial visit"
                : "在线问诊（复诊） / Online consultation, follow-up visit";
        boolean endedAndReferred = facts.state() == ConsultationState.REFERRED && facts.guardianAttested();
        boolean partialFee = endedAndReferred && rules.claimsReferredPartialFee();
        String partialCode = rules.referredItemCode() == null ? visitCode : rules.referredItemCode();
        String partialDescription = "问诊中止转诊部分费用 / Partial fee, consultation ended and referred";

        List<ClaimLine> lines = new ArrayList<>();
        boolean claimable;
        if (reasons.isEmpty()) {
            claimable = true;
            lines.add(line(visitCode, visitDescription, rules.visitAmount(initial), false, null));
        } else if (partialFee && reasons.size() == 1 && reasons.get(0).rule().equals(CompletedConsultationRule.NAME)) {
            claimable = true;
            lines.add(line(partialCode, partialDescription, rules.referredPartialFee(), false,
                    "ended and referred: partial fee"));
        } else {
            claimable = false;
            String why = reasons.stream().map(Reason::en).collect(Collectors.joining("; "));
            if (facts.state() == ConsultationState.COMPLETED) {
                lines.add(line(visitCode, visitDescription, rules.visitAmount(initial), true, why));
            } else if (partialFee) {
                lines.add(line(partialCode, partialDescription, rules.referredPartialFee(), true, why));
            }
        }
        if (delivery != null && delivery.signum() > 0) {
            lines.add(line(rules.deliveryItemCode(), "配送费 / Delivery fee", delivery, true, DELIVERY_REASON));
        }
        return new Result(claimable, rules.version(), reasons, lines);
    }

    /** A CG line of quantity 1 with a new transaction id (FT1-2). */
    private static ClaimLine line(String code, String description, BigDecimal unitAmount, boolean selfPay,
                                  String reason) {
        ClaimLine l = new ClaimLine();
        l.lineId = UUID.randomUUID().toString();
        l.type = CHARGE;
        l.itemCode = code;
        l.description = description;
        l.quantity = BigDecimal.ONE;
        l.unitAmount = unitAmount;
        l.amount = unitAmount;
        l.selfPay = selfPay;
        l.reason = reason;
        return l;
    }
}
