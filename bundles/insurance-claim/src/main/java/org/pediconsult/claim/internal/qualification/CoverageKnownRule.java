package org.pediconsult.claim.internal.qualification;

import java.time.LocalDate;
import java.util.Optional;

import org.pediconsult.claim.api.CoverageDTO;

/**
 * {@code coverage-known}: the child has a coverage valid on the consultation's day: {@code validFrom <= day <
 * validTo}, an absent {@code validFrom} or {@code validTo} leaving that side open.
 */
public final class CoverageKnownRule implements QualificationRule {
    public static final String NAME = "coverage-known";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Reason> check(ClaimFacts facts, RuleSet rules) {
        CoverageDTO c = facts.coverage();
        if (c == null) {
            return Optional.of(Reason.of(NAME, "患儿无已知的医保信息", "no insurance coverage is known for the child"));
        }
        LocalDate day = facts.day();
        if (day == null) {
            return Optional.of(Reason.of(NAME, "问诊日期未知，无法核对医保有效期",
                    "consultation day unknown: the coverage's validity cannot be checked"));
        }
        boolean started = c.validFrom == null || !day.isBefore(c.validFrom);
        boolean notEnded = c.validTo == null || day.isBefore(c.validTo);
        if (started && notEnded) {
            return Optional.empty();
        }
        String period = (c.validFrom == null ? "…" : c.validFrom.toString()) + " – "
                + (c.validTo == null ? "…" : c.validTo.toString());
        return Optional.of(Reason.of(NAME, "医保在问诊日期 " + day + " 无效（有效期 " + period + "，截止日不含）",
                "the coverage is not valid on " + day + " (valid " + period + ", end day excluded)"));
    }
}
