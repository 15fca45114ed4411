package org.pediconsult.claim.internal.qualification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pediconsult.claim.internal.qualification.ClaimFixtures.facts;
import static org.pediconsult.claim.internal.qualification.ClaimFixtures.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pediconsult.consultation.api.ConsultationState;

class CompletedConsultationRuleTest {
    private final CompletedConsultationRule rule = new CompletedConsultationRule();

    @Test
    void completedPasses() {
        assertTrue(rule.check(facts().build(), rules()).isEmpty());
    }

    @ParameterizedTest
    @CsvSource({
        "REFERRED, true, referred, ended and referred: not claimed as a completed consultation",
        "REFERRED, false, referred-at-triage, referred at triage: no consultation took place",
        "CANCELLED, false, cancelled, cancelled",
        "NO_SHOW, false, no-show, no-show",
        "IN_PROGRESS, true, not-completed, not completed (state IN_PROGRESS)"})
    void everyOtherStateHasItsOwnReason(ConsultationState state, boolean attested, String code, String en) {
        Reason r = rule.check(facts().state(state).attested(attested).build(), rules()).orElseThrow();
        assertEquals(CompletedConsultationRule.NAME, r.rule());
        assertEquals(code, r.code());
        assertEquals(en, r.en());
    }

    @Test
    void chineseText() {
        assertEquals("问诊已取消", rule.check(facts().state(ConsultationState.CANCELLED).build(), rules()).orElseThrow().zh());
    }
}
