package org.pediconsult.claim.internal.qualification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pediconsult.claim.internal.qualification.ClaimFixtures.facts;
import static org.pediconsult.claim.internal.qualification.ClaimFixtures.rules;

import org.junit.jupiter.api.Test;

class GuardianPresenceRuleTest {
    private final GuardianPresenceRule rule = new GuardianPresenceRule();

    @Test
    void attestedPasses() {
        assertTrue(rule.check(facts().attested(true).build(), rules()).isEmpty());
    }

    @Test
    void notAttestedIsRefused() {
        assertEquals("the guardian's presence was not attested",
                rule.check(facts().attested(false).build(), rules()).orElseThrow().en());
    }
}
