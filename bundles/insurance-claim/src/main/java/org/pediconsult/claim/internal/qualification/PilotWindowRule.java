package org.pediconsult.claim.internal.qualification;

import java.time.LocalDate;
import java.util.Optional;

/** {@code pilot-window}: the consultation's day is inside the pilot window, both edge days included. */
public final class PilotWindowRule implements QualificationRule {
    public static final String NAME = "pilot-window";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Reason> check(ClaimFacts facts, RuleSet rules) {
        LocalDate day = facts.day();
        String window = rules.windowStart() + " – " + rules.windowEnd();
        if (day == null) {
            return Optional.of(Reason.of(NAME, "问诊日期未知，无法核对试点期 " + window,
                    "consultation day unknown: the pilot window " + window + " cannot be checked"));
        }
        if (!day.isBefore(rules.windowStart()) && !day.isAfter(rules.windowEnd())) {
            return Optional.empty();
        }
        return Optional.of(Reason.of(NAME, "问诊日期 " + day + " 不在试点期 " + window + " 内",
                "consultation day " + day + " is outside the pilot window " + window));
    }
}
