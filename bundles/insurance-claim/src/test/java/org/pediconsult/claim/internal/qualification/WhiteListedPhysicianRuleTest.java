package org.pediconsult.claim.internal.qualification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pediconsult.claim.internal.qualification.ClaimFixtures.facts;
import static org.pediconsult.claim.internal.qualification.ClaimFixtures.rules;

import org.junit.jupiter.api.Test;

class WhiteListedPhysicianRuleTest {
    private final WhiteListedPhysicianRule rule = new WhiteListedPhysicianRule();

    @Test
    void whiteListedPasses() {
        assertTrue(rule.check(facts().whitelisted(true).build(), rules()).isEmpty());
    }

    @Test
    void notWhiteListedIsRefused() {
        Reason r = rule.check(facts().whitelisted(false).build(), rules()).orElseThrow();
        assertEquals("the physician is not on the pilot white-list", r.en());
        assertEquals("接诊医生不在试点白名单内", r.zh());
    }
}
