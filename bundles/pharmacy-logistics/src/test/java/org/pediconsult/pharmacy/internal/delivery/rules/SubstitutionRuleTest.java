package org.pediconsult.pharmacy.internal.delivery.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SubstitutionRuleTest {

    @Test
    void substitutionWithoutReasonIsRefused() {
        for (String reason : new String[] {null, "", "   "}) {
            SubstitutionRule.Result r = SubstitutionRule.check("AMOX-250", "AMOX-125", reason);
            assertFalse(r.passed());
            assertTrue(r.substitution());
            assertEquals(SubstitutionRule.REASON_MISSING, r.code());
            assertTrue(r.messageEn().contains("AMOX-125") && r.messageEn().contains("AMOX-250"), r.messageEn());
            assertTrue(r.messageZh().contains("原因"), r.messageZh());
        }
    }

    @Test
    void substitutionWithReasonPasses() {
        SubstitutionRule.Result r = SubstitutionRule.check("AMOX-250", "AMOX-125", "250 mg out of stock");
        assertTrue(r.passed());
        assertTrue(r.substitution());
        assertNull(r.code());
    }

    @Test
    void sameCodeOrNoProductCodeNeedsNoReason() {
        SubstitutionRule.Result r = SubstitutionRule.check("AMOX-250", "AMOX-250", null);
        assertTrue(r.passed());
        assertFalse(r.substitution());
        assertTrue(SubstitutionRule.check("AMOX-250", " AMOX-250 ", null).passed());
        assertTrue(SubstitutionRule.check("AMOX-250", null, null).passed());
        assertFalse(SubstitutionRule.check("AMOX-250", "", null).substitution());
    }

    @Test
    void reasonAtMost500Characters() {
        assertTrue(SubstitutionRule.check("A", "B", "x".repeat(500)).passed());
        SubstitutionRule.Result r = SubstitutionRule.check("A", "B", "x".repeat(501));
        assertFalse(r.passed());
        assertEquals(SubstitutionRule.REASON_TOO_LONG, r.code());
        assertTrue(r.messageEn().contains("501"), r.messageEn());
        assertFalse(SubstitutionRule.check("A", "A", "x".repeat(501)).passed());
    }

    @Test
    void prescribedCodeIsRequired() {
        assertThrows(NullPointerException.class, () -> SubstitutionRule.check(null, "B", "r"));
    }
}
