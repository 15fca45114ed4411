package org.pediconsult.claim.internal.qualification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pediconsult.claim.internal.qualification.ClaimFixtures.facts;
import static org.pediconsult.claim.internal.qualification.ClaimFixtures.rules;

import org.junit.jupiter.api.Test;

class PilotSpecialtyRuleTest {
    private final PilotSpecialtyRule rule = new PilotSpecialtyRule();

    @Test
    void pilotSpecialtiesPass() {
        assertTrue(rule.check(facts().specialty("pediatric-dermatology").build(), rules()).isEmpty());
        assertTrue(rule.check(facts().specialty("pediatric-respiratory").build(), rules()).isEmpty());
    }

    @Test
    void anotherSpecialtyIsRefused() {
        assertEquals("specialty pediatric-ent is not a pilot specialty",
                rule.check(facts().specialty("pediatric-ent").build(), rules()).orElseThrow().en());
    }
}
