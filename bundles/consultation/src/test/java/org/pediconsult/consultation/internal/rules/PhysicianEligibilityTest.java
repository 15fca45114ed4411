package org.pediconsult.consultation.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PhysicianEligibilityTest {

    private static final LocalDate DAY = LocalDate.parse("2026-11-25");
    private static final LocalDate ENOUGH = LocalDate.parse("2023-11-25");
    private static final LocalDate ONE_DAY_SHORT = LocalDate.parse("2023-11-26");

    private final PilotScope scope = new PilotScope(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"),
            Set.of("hosp-a"), Set.of("dermatology"));
    private final PhysicianEligibility eligibility = new PhysicianEligibility(scope, new IndependentPracticeRule());

    private static PhysicianFacts physician(boolean whitelisted, LocalDate since, String institution,
            Set<String> specialties) {
        return new PhysicianFacts(whitelisted, since, institution, specialties);
    }

    @Test
    void eligiblePhysicianIsAllowed() {
        RuleDecision d = eligibility.check(physician(true, ENOUGH, "hosp-a", Set.of("dermatology")), "dermatology", DAY);
        assertTrue(d.allowed());
    }

    @Test
    void notWhitelistedIsRefused() {
        RuleDecision d = eligibility.check(physician(false, ENOUGH, "hosp-a", Set.of("dermatology")), "dermatology", DAY);
        assertFalse(d.allowed());
        assertEquals("physician-whitelist", d.rule());
        assertEquals("the physician is not on the pilot white-list", d.reasonEn());
        assertEquals("该医师不在试点白名单内", d.reasonZh());
    }

    @Test
    void insufficientPracticeIsRefusedWithTheDelegatedReason() {
        RuleDecision d = eligibility.check(physician(true, ONE_DAY_SHORT, "hosp-a", Set.of("dermatology")),
                "dermatology", DAY);
        assertFalse(d.allowed());
        assertEquals("independent-practice-3-years", d.rule());
        assertEquals(new IndependentPracticeRule().check(ONE_DAY_SHORT, DAY), d);
    }

    @Test
    void institutionOutsideThePilotIsRefused() {
        RuleDecision d = eligibility.check(physician(true, ENOUGH, "hosp-z", Set.of("dermatology")), "dermatology", DAY);
        assertFalse(d.allowed());
        assertEquals("pilot-institution", d.rule());
        assertEquals("institution 'hosp-z' is not a pilot institution", d.reasonEn());
        assertEquals("执业机构'hosp-z'不是试点机构", d.reasonZh());
    }

    @Test
    void unknownInstitutionIsRefused() {
        RuleDecision d = eligibility.check(physician(true, ENOUGH, null, Set.of("dermatology")), "dermatology", DAY);
        assertEquals("pilot-institution", d.rule());
        assertTrue(d.reasonEn().startsWith("no institution is on record"), d.reasonEn());
    }

    @Test
    void specialtyNotCoveredIsRefused() {
        RuleDecision d = eligibility.check(physician(true, ENOUGH, "hosp-a", Set.of("respiratory")), "dermatology", DAY);
        assertFalse(d.allowed());
        assertEquals("physician-specialty", d.rule());
        assertEquals("the physician does not cover specialty 'dermatology'", d.reasonEn());
        assertEquals("该医师的执业范围不含专科'dermatology'", d.reasonZh());
    }

    @Test
    void refusalsComeInOrderWhiteListPracticeInstitutionSpecialty() {
        Set<String> none = Set.of();
        assertEquals("physician-whitelist",
                eligibility.check(physician(false, ONE_DAY_SHORT, "hosp-z", none), "dermatology", DAY).rule());
        assertEquals("independent-practice-3-years",
                eligibility.check(physician(true, ONE_DAY_SHORT, "hosp-z", none), "dermatology", DAY).rule());
        assertEquals("independent-practice-3-years",
                eligibility.check(physician(true, null, "hosp-z", none), "dermatology", DAY).rule());
        assertEquals("pilot-institution",
                eligibility.check(physician(true, ENOUGH, "hosp-z", none), "dermatology", DAY).rule());
        assertEquals("physician-specialty",
                eligibility.check(physician(true, ENOUGH, "hosp-a", none), "dermatology", DAY).rule());
    }

    @Test
    void practiceIsJudgedOnTheConsultDay() {
        PhysicianFacts p = physician(true, ONE_DAY_SHORT, "hosp-a", Set.of("dermatology"));
        assertFalse(eligibility.check(p, "dermatology", DAY).allowed());
        assertTrue(eligibility.check(p, "dermatology", DAY.plusDays(1)).allowed());
    }
}
