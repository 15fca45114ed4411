package org.pediconsult.claim.internal.qualification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pediconsult.claim.internal.qualification.ClaimFixtures.DAY;
import static org.pediconsult.claim.internal.qualification.ClaimFixtures.facts;
import static org.pediconsult.claim.internal.qualification.ClaimFixtures.rules;
import static org.pediconsult.claim.internal.qualification.ClaimFixtures.rulesWith;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class PracticeYearsRuleTest {
    private final PracticeYearsRule rule = new PracticeYearsRule();

    @Test
    void exactlyThreeYearsPasses() {
        assertEquals(3, rules().minPracticeYears());
        assertTrue(rule.check(facts().practiceSince(DAY.minusYears(3)).build(), rules()).isEmpty());
    }

    @Test
    void aDayShortIsRefused() {
        LocalDate since = DAY.minusYears(3).plusDays(1);
        Reason r = rule.check(facts().practiceSince(since).build(), rules()).orElseThrow();
        assertEquals("the physician has practised 2 full years (since 2023-03-17), under the minimum of 3", r.en());
        assertEquals("医生执业 2 年（自 2023-03-17），不满 3 年", r.zh());
    }

    @Test
    void theMinimumComesFromTheRuleSet() {
        RuleSet five = rulesWith("physician.min.practice.years", 5);
        assertTrue(rule.check(facts().practiceSince(DAY.minusYears(5)).build(), five).isEmpty());
        assertTrue(rule.check(facts().practiceSince(DAY.minusYears(4)).build(), five).isPresent());
    }

    @Test
    void unknownPracticeStartIsRefused() {
        assertEquals("practice start or consultation day unknown: 3 years of practice cannot be checked",
                rule.check(facts().practiceSince(null).build(), rules()).orElseThrow().en());
    }
}
