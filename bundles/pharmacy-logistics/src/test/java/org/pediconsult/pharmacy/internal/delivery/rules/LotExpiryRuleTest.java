package org.pediconsult.pharmacy.internal.delivery.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class LotExpiryRuleTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 5, 10);
    /** today + 7-day course + 30-day margin */
    private static final LocalDate LIMIT = LocalDate.of(2025, 6, 16);

    @Test
    void dayBeforeTheLimitIsRefused() {
        LotExpiryRule.Result r = LotExpiryRule.check(LIMIT.minusDays(1), TODAY, 7, 30);
        assertFalse(r.passed());
        assertFalse(r.expired());
        assertEquals(LIMIT, r.limit());
        assertEquals(LIMIT.minusDays(1), r.expiry());
        assertTrue(r.messageEn().contains("2025-06-15") && r.messageEn().contains("2025-06-16"), r.messageEn());
        assertTrue(r.messageZh().contains("2025-06-15") && r.messageZh().contains("2025-06-16"), r.messageZh());
    }

    @Test
    void onTheLimitPasses() {
        LotExpiryRule.Result r = LotExpiryRule.check(LIMIT, TODAY, 7, 30);
        assertTrue(r.passed());
        assertEquals(LIMIT, r.limit());
    }

    @Test
    void dayAfterTheLimitPasses() {
        assertTrue(LotExpiryRule.check(LIMIT.plusDays(1), TODAY, 7, 30).passed());
    }

    @Test
    void alreadyExpiredIsRefusedEvenWithoutCourseOrMargin() {
        LotExpiryRule.Result r = LotExpiryRule.check(TODAY.minusDays(1), TODAY, 0, 0);
        assertFalse(r.passed());
        assertTrue(r.expired());
        assertTrue(r.messageEn().contains("expired"), r.messageEn());
        assertTrue(r.messageZh().contains("过期"), r.messageZh());
        assertTrue(LotExpiryRule.check(TODAY, TODAY, 0, 0).passed());
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> LotExpiryRule.check(LIMIT, TODAY, -1, 30));
        assertThrows(IllegalArgumentException.class, () -> LotExpiryRule.check(LIMIT, TODAY, 7, -1));
        assertThrows(NullPointerException.class, () -> LotExpiryRule.check(null, TODAY, 7, 30));
        assertThrows(NullPointerException.class, () -> LotExpiryRule.check(LIMIT, null, 7, 30));
    }
}
