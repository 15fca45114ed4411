package org.pediconsult.consultation.internal.rules;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;

/**
 * The pilot requires a physician to have at least {@value #MIN_FULL_YEARS} <em>full</em> years of
 * independent clinical practice on the day of the consult.
 *
 * <p>Why {@link Period} and not days or {@code ChronoUnit.YEARS} on instants: the authority counts
 * full calendar years, the way an anniversary is counted, so leap years must not shift the boundary
 * by a day. Examples:
 * <ul>
 *   <li>since 2023-11-26: refused on 2026-11-25 (2 years 11 months 30 days, i.e. 2 years 364 days),
 *       allowed on 2026-11-26 (exactly 3 years);</li>
 *   <li>since 2024-02-29 (a leap day): refused on 2027-02-28 (2 years 11 months 30 days), allowed on
 *       2027-03-01 (3 years 1 day), because {@code Period} only completes the year once the calendar
 *       has passed the missing 29 February.</li>
 * </ul>
 * An unknown start date, or one after the consult day, refuses: the rule cannot be shown to hold.
 */
public final class IndependentPracticeRule {

    /** Minimum number of full years of independent practice required by the pilot. */
    public static final int MIN_FULL_YEARS = 3;

    static final String RULE = "independent-practice-3-years";

    /**
     * @param practiceSince first day of independent clinical practice, or {@code null} if not on record
     * @param consultDay the (local) day of the consult
     */
    public RuleDecision check(LocalDate practiceSince, LocalDate consultDay) {
        Objects.requireNonNull(consultDay, "consultDay");
        if (practiceSince == null) {
            return RuleDecision.refuse(RULE,
                    "no independent practice start date is on record; the pilot requires at least "
                            + MIN_FULL_YEARS + " full years",
                    "未登记独立执业起始日期；试点要求至少满" + MIN_FULL_YEARS + "年");
        }
        if (practiceSince.isAfter(consultDay)) {
            return RuleDecision.refuse(RULE,
                    "independent practice since " + practiceSince + " starts after the consult day " + consultDay
                            + "; the pilot requires at least " + MIN_FULL_YEARS + " full years",
                    "独立执业起始日期" + practiceSince + "晚于问诊日" + consultDay + "；试点要求至少满"
                            + MIN_FULL_YEARS + "年");
        }
        Period practice = Period.between(practiceSince, consultDay);
        if (practice.getYears() >= MIN_FULL_YEARS) {
            return RuleDecision.allow();
        }
        return RuleDecision.refuse(RULE,
                "independent practice since " + practiceSince + " is " + english(practice) + " on " + consultDay
                        + "; the pilot requires at least " + MIN_FULL_YEARS + " full years",
                "独立执业自" + practiceSince + "起，至" + consultDay + "为" + chinese(practice) + "；试点要求至少满"
                        + MIN_FULL_YEARS + "年");
    }

    private static String english(Period p) {
        return unit(p.getYears(), "year") + " " + unit(p.getMonths(), "month") + " " + unit(p.getDays(), "day");
    }

    private static String unit(int n, String name) {
        return n + " " + name + (n == 1 ? "" : "s");
    }

    private static String chinese(Period p) {
        return p.getYears() + "年" + p.getMonths() + "个月" + p.getDays() + "天";
    }
}
