package org.pediconsult.prescription.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.pediconsult.consultation.api.dto.PhysicianDTO;
import org.pediconsult.prescription.api.CheckResult;

/** prescriber-eligibility at its edges: 3 full years of independent practice, white list, specialty. */
class PrescriberEligibilityTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    private static PhysicianDTO physician(LocalDate since) {
        PhysicianDTO p = new PhysicianDTO();
        p.username = "dr.wang";
        p.practiceSince = since;
        p.whitelisted = true;
        p.specialties = List.of("dermatology");
        return p;
    }

    @Test
    void threeFullYearsOnTheDayPassAndADayLessIsRefused() {
        assertTrue(PrescriberEligibility.check(physician(TODAY.minusYears(3)), "dermatology", TODAY).passed);
        CheckResult r = PrescriberEligibility.check(physician(TODAY.minusYears(3).plusDays(1)), "dermatology", TODAY);
        assertFalse(r.passed);
        assertEquals("2 years", r.computed);
        assertEquals(PrescriberEligibility.RULE, r.rule);
        assertEquals(-1, r.item);
    }

    @Test
    void notWhiteListedOrAnotherSpecialtyOrNoPhysicianIsRefused() {
        PhysicianDTO struck = physician(TODAY.minusYears(10));
        struck.whitelisted = false;
        assertFalse(PrescriberEligibility.check(struck, "dermatology", TODAY).passed);
        assertFalse(PrescriberEligibility.check(physician(TODAY.minusYears(10)), "nutrition", TODAY).passed);
        assertFalse(PrescriberEligibility.check(null, "dermatology", TODAY).passed);
        assertFalse(PrescriberEligibility.check(physician(null), "dermatology", TODAY).passed);
    }
}
