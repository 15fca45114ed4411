package org.pediconsult.claim.internal.qualification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pediconsult.claim.internal.qualification.ClaimFixtures.facts;
import static org.pediconsult.claim.internal.qualification.ClaimFixtures.rules;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PilotWindowRuleTest {
    private final PilotWindowRule rule = new PilotWindowRule();

    /** The window is 2026-01-01 – 2026-12-31, both days included. */
    @ParameterizedTest
    @CsvSource({"2025-12-31, false", "2026-01-01, true", "2026-06-15, true", "2026-12-31, true", "2027-01-01, false"})
    void edgesAreInclusive(LocalDate day, boolean passes) {
        assertEquals(passes, rule.check(facts().day(day).build(), rules()).isEmpty());
    }

    @Test
    void refusalNamesTheWindow() {
        assertEquals("consultation day 2027-01-01 is outside the pilot window 2026-01-01 – 2026-12-31",
                rule.check(facts().day(LocalDate.of(2027, 1, 1)).build(), rules()).orElseThrow().en());
    }

    @Test
    void unknownDayIsRefused() {
        assertEquals("consultation day unknown: the pilot window 2026-01-01 – 2026-12-31 cannot be checked",
                rule.check(facts().day(null).build(), rules()).orElseThrow().en());
    }
}
