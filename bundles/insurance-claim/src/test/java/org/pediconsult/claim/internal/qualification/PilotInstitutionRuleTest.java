package org.pediconsult.claim.internal.qualification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pediconsult.claim.internal.qualification.ClaimFixtures.facts;
import static org.pediconsult.claim.internal.qualification.ClaimFixtures.rules;

import org.junit.jupiter.api.Test;

class PilotInstitutionRuleTest {
    private final PilotInstitutionRule rule = new PilotInstitutionRule();

    @Test
    void everyListedInstitutionPasses() {
        assertTrue(rule.check(facts().institution("CH-1").build(), rules()).isEmpty());
        assertTrue(rule.check(facts().institution("CH-2").build(), rules()).isEmpty());
    }

    @Test
    void anotherInstitutionIsRefused() {
        Reason r = rule.check(facts().institution("CH-9").build(), rules()).orElseThrow();
        assertEquals("institution CH-9 is not a designated pilot institution", r.en());
        assertEquals("机构 CH-9 不是试点定点机构", r.zh());
    }

    @Test
    void noPhysicianNoInstitution() {
        assertEquals("institution unknown (no physician): not known to be a pilot institution",
                rule.check(facts().institution(null).build(), rules()).orElseThrow().en());
    }
}
