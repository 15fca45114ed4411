package org.pediconsult.claim.internal.qualification;

import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * {@code practice-years}: full years from the day the physician's independent practice began to the
 * consultation's day are at least {@link RuleSet#minPracticeYears()} (began 2023-03-15: 3 years on 2026-03-15,
 * not on 2026-03-14).
 */
public final class PracticeYearsRule implements QualificationRule {
    public static final String NAME = "practice-years";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Reason> check(ClaimFacts facts, RuleSet rules) {
        int min = rules.minPracticeYears();
        if (facts.practiceSince() == null || facts.day() == null) {
            return Optional.of(Reason.of(NAME, "医生执业起始日期或问诊日期未知，无法核对执业满 " + min + " 年",
                    "practice start or consultation day unknown: " + min + " years of practice cannot be checked"));
        }
        long years = ChronoUnit.YEARS.between(facts.practiceSince(), facts.day());
        if (years >= min) {
            return Optional.empty();
        }
        return Optional.of(Reason.of(NAME,
                "医生执业 " + Math.max(years, 0) + " 年（自 " + facts.practiceSince() + "），不满 " + min + " 年",
                "the physician has practised " + Math.max(years, 0) + " full years (since " + facts.practiceSince()
                        + "), under the minimum of " + min));
    }
}
