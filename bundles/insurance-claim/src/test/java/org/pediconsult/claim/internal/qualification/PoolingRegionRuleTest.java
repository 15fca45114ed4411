package org.pediconsult.claim.internal.qualification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pediconsult.claim.internal.qualification.ClaimFixtures.HOME;
import static org.pediconsult.claim.internal.qualification.ClaimFixtures.coverage;
import static org.pediconsult.claim.internal.qualification.ClaimFixtures.facts;
import static org.pediconsult.claim.internal.qualification.ClaimFixtures.rules;
import static org.pediconsult.claim.internal.qualification.ClaimFixtures.rulesWith;

import org.junit.jupiter.api.Test;

class PoolingRegionRuleTest {
    private final PoolingRegionRule rule = new PoolingRegionRule();

    private ClaimFacts insuredIn(String region) {
        return facts().coverage(coverage(region, null, null)).build();
    }

    @Test
    void homeRegionPasses() {
        assertTrue(rule.check(insuredIn(HOME), rules()).isEmpty());
    }

    @Test
    void otherRegionIsSelfPayMarkedForLaterReimbursement() {
        Reason r = rule.check(insuredIn("320100"), rules()).orElseThrow();
        assertEquals(PoolingRegionRule.OTHER_REGION, r.code());
        assertEquals("insured in pooling region 320100, not the home region (310100) and cross-region settlement is "
                + "not configured: self-pay now, marked for later reimbursement", r.en());
    }

    @Test
    void otherRegionPassesWhenCrossRegionIsConfigured() {
        assertTrue(rule.check(insuredIn("320100"), rulesWith("pooling.cross.region", "true")).isEmpty());
    }

    @Test
    void severalHomeRegions() {
        RuleSet two = rulesWith("pooling.home.regions", new String[] {"310100", "320100"});
        assertTrue(rule.check(insuredIn("320100"), two).isEmpty());
        assertTrue(rule.check(insuredIn("330100"), two).isPresent());
    }

    @Test
    void unknownRegionIsRefusedWithoutLaterReimbursement() {
        assertEquals("region-unknown", rule.check(insuredIn(null), rules()).orElseThrow().code());
    }

    @Test
    void silentWithoutCoverage() {
        assertTrue(rule.check(facts().coverage(null).build(), rules()).isEmpty());
    }
}
