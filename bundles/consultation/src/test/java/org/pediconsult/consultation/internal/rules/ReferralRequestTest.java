package org.pediconsult.consultation.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReferralRequestTest {

    private static String repeat(String s, int n) {
        return s.repeat(n);
    }

    @Test
    void validRequestKeepsStrippedValues() {
        ReferralRequest r = ReferralRequest.of("  rash needs in-person examination ", " 市儿童医院皮肤科 ");
        assertEquals("rash needs in-person examination", r.reason());
        assertEquals("市儿童医院皮肤科", r.facility());
    }

    @Test
    void blankReasonIsRejectedNamingTheField() {
        for (String blank : new String[] {null, "", "   "}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ReferralRequest.of(blank, "clinic"));
            assertTrue(e.getMessage().startsWith("reason: "), e.getMessage());
        }
    }

    @Test
    void blankFacilityIsRejectedNamingTheField() {
        for (String blank : new String[] {null, "", "\t"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ReferralRequest.of("reason", blank));
            assertTrue(e.getMessage().startsWith("facility: "), e.getMessage());
        }
    }

    @Test
    void reasonOfExactly1000CharactersIsAcceptedAnd1001Rejected() {
        assertEquals(1000, ReferralRequest.of(repeat("r", 1000), "clinic").reason().length());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReferralRequest.of(repeat("r", 1001), "clinic"));
        assertTrue(e.getMessage().startsWith("reason: "), e.getMessage());
    }

    @Test
    void facilityOfExactly200CharactersIsAcceptedAnd201Rejected() {
        assertEquals(200, ReferralRequest.of("reason", repeat("f", 200)).facility().length());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReferralRequest.of("reason", repeat("f", 201)));
        assertTrue(e.getMessage().startsWith("facility: "), e.getMessage());
    }

    @Test
    void chineseCountsOnePerCharacter() {
        assertEquals("医".repeat(200), ReferralRequest.of("转诊", "医".repeat(200)).facility());
        assertThrows(IllegalArgumentException.class, () -> ReferralRequest.of("转诊", "医".repeat(201)));
    }

    @Test
    void constructorValidatesLikeTheFactory() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ReferralRequest("reason", " "));
        assertTrue(e.getMessage().startsWith("facility: "), e.getMessage());
    }

    @Test
    void toStringDoesNotLeakTheClinicalReason() {
        assertFalse(ReferralRequest.of("suspected appendicitis", "clinic").toString().contains("appendicitis"));
    }
}
