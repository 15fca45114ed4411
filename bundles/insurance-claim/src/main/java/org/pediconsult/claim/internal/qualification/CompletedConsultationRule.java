package org.pediconsult.claim.internal.qualification;

import java.util.Optional;

/**
 * {@code completed-consultation}: only a COMPLETED consultation is claimed as a consultation. One ended and
 * referred (during its session, or at triage before any), cancelled or a no-show gets its own reason; a partial
 * fee for one ended and referred is {@link Qualification}'s business ({@link RuleSet#referredPartialFee()}).
 */
public final class CompletedConsultationRule implements QualificationRule {
    public static final String NAME = "completed-consultation";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Reason> check(ClaimFacts facts, RuleSet rules) {
        return switch (facts.state()) {
            case COMPLETED -> Optional.empty();
            case REFERRED -> Optional.of(facts.guardianAttested()
                    ? new Reason(NAME, "referred", "问诊中止并转诊线下，不按完成的问诊申报",
                            "ended and referred: not claimed as a completed consultation")
                    : new Reason(NAME, "referred-at-triage", "分诊时已转诊线下，未进行问诊",
                            "referred at triage: no consultation took place"));
            case CANCELLED -> Optional.of(new Reason(NAME, "cancelled", "问诊已取消", "cancelled"));
            case NO_SHOW -> Optional.of(new Reason(NAME, "no-show", "患儿未到诊（爽约）", "no-show"));
            default -> Optional.of(new Reason(NAME, "not-completed", "问诊尚未完成（状态 " + facts.state() + "）",
                    "not completed (state " + facts.state() + ")"));
        };
    }
}
