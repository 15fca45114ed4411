package org.pediconsult.growth.who;

import java.util.List;

/**
 * An age-based indicator as a chain of WHO tables over age in days: the WHO 2006 standard (LMS by day)
 * below 60 months and, where WHO has one, the WHO 2007 reference (LMS by month) from 60 months on.
 *
 * <p>The switch at 60 months (1826.25 days, months = days / (365.25/12)) is where WHO's own software
 * switches: WHO anthro computes z-scores only for age &lt; 60 months and WHO anthroplus from 60 months.
 * The published 2006 tables end at day 1826, so ages in (1826, 1826.25) use the day-1826 row, which is
 * what anthro does (it rounds the age to whole days).
 */
final class AgeReference {

    /** Days per month as used by WHO anthro and anthroplus. */
    static final double DAYS_PER_MONTH = 365.25 / 12.0;
    /** 60 months in days: first age scored against the WHO 2007 reference. */
    static final double SWITCH_TO_2007_DAYS = 60.0 * DAYS_PER_MONTH;

    /** One table in the chain, used from {@code fromDays} (inclusive) until the next segment starts. */
    record Segment(LmsTable table, double daysPerUnit, double fromDays, String reference) {
        /** L, M, S at an age in days, clamping the table's x into its tabulated range. */
        Lms lms(Sex sex, double ageDays) {
            double x = ageDays / daysPerUnit;
            x = Math.max(table.min(sex), Math.min(table.max(sex), x));
            return table.at(sex, x);
        }
    }

    private final List<Segment> segments;
    private final double maxDays;

    /**
     * @param segments ordered by {@code fromDays}, the first starting at the first row of its table
     * @param maxDays the last age (inclusive) the indicator is defined for
     */
    AgeReference(List<Segment> segments, double maxDays) {
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("no segments");
        }
        for (int i = 1; i < segments.size(); i++) {
            if (!(segments.get(i).fromDays() > segments.get(i - 1).fromDays())) {
                throw new IllegalArgumentException("segments not ordered by age");
            }
        }
        this.segments = List.copyOf(segments);
        this.maxDays = maxDays;
    }

    /** A single WHO 2006 by-day table over its whole tabulated range. */
    static AgeReference who2006Only(LmsTable byDay, Sex anySex) {
        return new AgeReference(List.of(new Segment(byDay, 1.0, byDay.min(anySex), GrowthStandards.WHO_2006)),
            byDay.max(anySex));
    }

    /** WHO 2006 by day below 60 months, then WHO 2007 by month up to {@code maxMonths} inclusive. */
    static AgeReference who2006Then2007(LmsTable byDay, LmsTable byMonth, double maxMonths, Sex anySex) {
        return new AgeReference(List.of(
            new Segment(byDay, 1.0, byDay.min(anySex), GrowthStandards.WHO_2006),
            new Segment(byMonth, DAYS_PER_MONTH, SWITCH_TO_2007_DAYS, GrowthStandards.WHO_2007)),
            maxMonths * DAYS_PER_MONTH);
    }

    /** First age in days with a z-score. */
    double minDays() {
        return segments.get(0).fromDays();
    }

    /** Last age in days (inclusive) with a z-score. */
    double maxDays() {
        return maxDays;
    }

    /** Whether the age is within [minDays, maxDays]; false for NaN. */
    boolean covers(double ageDays) {
        return ageDays >= minDays() && ageDays <= maxDays;
    }

    /** The segment (table and reference name) used at an age within range. */
    Segment segmentAt(double ageDays) {
        Segment found = segments.get(0);
        for (Segment s : segments) {
            if (ageDays >= s.fromDays()) {
                found = s;
            }
        }
        return found;
    }
}
