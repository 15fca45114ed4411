package org.pediconsult.claim.internal.qualification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pediconsult.claim.internal.qualification.ClaimFixtures.DAY;
import static org.pediconsult.claim.internal.qualification.ClaimFixtures.HOME;
import static org.pediconsult.claim.internal.qualification.ClaimFixtures.coverage;
import static org.pediconsult.claim.internal.qualification.ClaimFixtures.facts;
import static org.pediconsult.claim.internal.qualification.ClaimFixtures.rules;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class CoverageKnownRuleTest {
    private final CoverageKnownRule rule = new CoverageKnownRule();

    private boolean passes(LocalDate from, LocalDate to) {
        return rule.check(facts().coverage(coverage(HOME, from, to)).build(), rules()).isEmpty();
    }

    @Test
    void validFromIsIncluded() {
        assertTrue(passes(DAY, null));
        assertFalse(passes(DAY.plusDays(1), null));
    }

    @Test
    void validToIsExcluded() {
        assertTrue(passes(DAY.minusYears(1), DAY.plusDays(1)));
        assertFalse(passes(DAY.minusYears(1), DAY));
    }

    @Test
    void openEndedBothSides() {
        assertTrue(passes(null, null));
        assertTrue(passes(null, DAY.plusDays(1)));
    }

    @Test
    void refusalNamesThePeriod() {
        Reason r = rule.check(facts().coverage(coverage(HOME, LocalDate.of(2025, 3, 16), DAY)).build(), rules())
                .orElseThrow();
        assertEquals("the coverage is not valid on 2026-03-16 (valid 2025-03-16 – 2026-03-16, end day excluded)", r.en());
    }

    @Test
    void noCoverageIsRefused() {
        assertEquals("no insurance coverage is known for the child",
                rule.check(facts().coverage(null).build(), rules()).orElseThrow().en());
    }
}
