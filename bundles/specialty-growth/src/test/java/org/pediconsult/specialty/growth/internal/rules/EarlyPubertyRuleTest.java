package org.pediconsult.specialty.growth.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.pediconsult.specialty.api.AssessmentInput.Sex;
import org.pediconsult.specialty.api.Finding;
import org.pediconsult.specialty.api.TriageLevel;

class EarlyPubertyRuleTest {
    private static final LocalDate BIRTH = LocalDate.of(2016, 5, 20);
    private static final Set<String> BREASTS = Set.of("BREAST_DEVELOPMENT");
    private static final Set<String> TESTES = Set.of("TESTICULAR_ENLARGEMENT");
    private final EarlyPubertyRule rule = new EarlyPubertyRule();

    @Test
    void girlTheDayBeforeHerEighthBirthdayWithBreastDevelopmentIsInPerson() {
        Finding f = rule.evaluate(Sex.FEMALE, BIRTH, BIRTH.plusYears(8).minusDays(1), BREASTS).orElseThrow();
        assertEquals(TriageLevel.IN_PERSON, f.level());
        assertTrue(f.reason().en.contains("before age 8"), f.reason().en);
    }

    @Test
    void girlOnHerEighthBirthdayIsNotPrecocious() {
        assertTrue(rule.evaluate(Sex.FEMALE, BIRTH, BIRTH.plusYears(8), BREASTS).isEmpty());
    }

    @Test
    void boyTheDayBeforeHisNinthBirthdayWithTesticularEnlargementIsInPerson() {
        Finding f = rule.evaluate(Sex.MALE, BIRTH, BIRTH.plusYears(9).minusDays(1), TESTES).orElseThrow();
        assertEquals(TriageLevel.IN_PERSON, f.level());
        assertTrue(f.reason().en.contains("before age 9"), f.reason().en);
    }

    @Test
    void boyOnHisNinthBirthdayIsNotPrecocious() {
        assertTrue(rule.evaluate(Sex.MALE, BIRTH, BIRTH.plusYears(9), TESTES).isEmpty());
    }

    @Test
    void boyAtEightAndAHalfIsStillFlaggedWhereAGirlWouldNotBe() {
        LocalDate on = BIRTH.plusYears(8).plusMonths(6);
        assertTrue(rule.evaluate(Sex.MALE, BIRTH, on, Set.of("PUBIC_HAIR")).isPresent());
        assertTrue(rule.evaluate(Sex.FEMALE, BIRTH, on, Set.of("PUBIC_HAIR")).isEmpty());
    }

    @Test
    void childOfUnrecordedSexGetsTheLaterLimitSoNothingIsMissed() {
        assertTrue(rule.evaluate(Sex.UNKNOWN, BIRTH, BIRTH.plusYears(9).minusDays(1), BREASTS).isPresent());
    }

    @Test
    void noSignsNoFlag() {
        assertTrue(rule.evaluate(Sex.FEMALE, BIRTH, BIRTH.plusYears(5), Set.of()).isEmpty());
    }
}
