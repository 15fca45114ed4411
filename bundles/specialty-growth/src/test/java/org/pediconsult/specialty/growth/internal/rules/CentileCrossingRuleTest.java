package org.pediconsult.specialty.growth.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.pediconsult.growth.who.Indicator;
import org.pediconsult.specialty.api.Finding;
import org.pediconsult.specialty.api.TriageLevel;

class CentileCrossingRuleTest {
    private static final LocalDate EARLIER = LocalDate.of(2023, 1, 15);
    private static final LocalDate SIX_MONTHS_LATER = LocalDate.of(2023, 7, 15);
    private final CentileCrossingRule rule = new CentileCrossingRule();

    @Test
    void dropOf135IsTwoCentileSpaces() {
        Finding f = rule.evaluate(Indicator.WEIGHT_FOR_AGE, EARLIER, 0.0, SIX_MONTHS_LATER, -1.35).orElseThrow();
        assertEquals(TriageLevel.IN_PERSON, f.level());
        assertTrue(f.reason().en.startsWith("weight-for-age fell"), f.reason().en);
    }

    @Test
    void dropOf133IsNotYetTwoCentileSpaces() {
        assertTrue(rule.evaluate(Indicator.WEIGHT_FOR_AGE, EARLIER, 0.0, SIX_MONTHS_LATER, -1.33).isEmpty());
    }

    @Test
    void riseOf135InHeightIsFlaggedAsARise() {
        Finding f = rule.evaluate(Indicator.LENGTH_HEIGHT_FOR_AGE, EARLIER, -0.5, SIX_MONTHS_LATER, 0.85).orElseThrow();
        assertTrue(f.reason().en.startsWith("length/height-for-age rose"), f.reason().en);
    }

    @Test
    void riseOf133IsNotFlagged() {
        assertTrue(rule.evaluate(Indicator.LENGTH_HEIGHT_FOR_AGE, EARLIER, -0.5, SIX_MONTHS_LATER, 0.83).isEmpty());
    }

    @Test
    void exactlyTwoCentileSpacesCounts() {
        assertTrue(rule.evaluate(Indicator.WEIGHT_FOR_AGE, EARLIER, 0.5, SIX_MONTHS_LATER, -0.84).isPresent());
    }

    @Test
    void exactlyThreeMonthsApartIsEnough() {
        assertTrue(rule.evaluate(Indicator.WEIGHT_FOR_AGE, EARLIER, 0.0, EARLIER.plusMonths(3), -2.0).isPresent());
    }

    @Test
    void oneDayShortOfThreeMonthsIsTooCloseToCall() {
        assertTrue(rule.evaluate(Indicator.WEIGHT_FOR_AGE, EARLIER, 0.0, EARLIER.plusMonths(3).minusDays(1), -2.0)
                .isEmpty());
    }
}
