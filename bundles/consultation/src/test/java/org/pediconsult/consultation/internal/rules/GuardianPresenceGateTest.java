package org.pediconsult.consultation.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pediconsult.consultation.api.ConsultationState;

class GuardianPresenceGateTest {

    private final GuardianPresenceGate gate = new GuardianPresenceGate();

    @Test
    void verifiedAndAdmittedGuardianMayStart() {
        assertTrue(gate.canStart(new GuardianFacts(true, true, true)).allowed());
    }

    @Test
    void eachMissingFactIsRefusedWithItsOwnCode() {
        RuleDecision identity = gate.canStart(new GuardianFacts(true, false, true));
        assertFalse(identity.allowed());
        assertEquals("guardian-identity-verified", identity.rule());
        assertTrue(identity.reasonZh().contains("监护人身份未核验"), identity.reasonZh());

        RuleDecision relationship = gate.canStart(new GuardianFacts(true, true, false));
        assertFalse(relationship.allowed());
        assertEquals("guardian-relationship-verified", relationship.rule());
        assertTrue(relationship.reasonEn().contains("relationship to this child"), relationship.reasonEn());

        RuleDecision admitted = gate.canStart(new GuardianFacts(false, true, true));
        assertFalse(admitted.allowed());
        assertEquals("guardian-admitted", admitted.rule());
        assertTrue(admitted.reasonEn().contains("not admitted"), admitted.reasonEn());
    }

    @Test
    void orderIsIdentityThenRelationshipThenAdmitted() {
        assertEquals("guardian-identity-verified", gate.canStart(new GuardianFacts(false, false, false)).rule());
        assertEquals("guardian-relationship-verified", gate.canStart(new GuardianFacts(false, true, false)).rule());
        assertEquals("guardian-admitted", gate.canStart(new GuardianFacts(false, true, true)).rule());
    }

    @Test
    void guardianLeavingPausesAnActiveSession() {
        assertEquals(ConsultationState.PAUSED, gate.onGuardianLeft(ConsultationState.IN_PROGRESS));
    }

    @Test
    void guardianLeavingDoesNotChangeOtherStates() {
        assertEquals(ConsultationState.WAITING, gate.onGuardianLeft(ConsultationState.WAITING));
        assertEquals(ConsultationState.PAUSED, gate.onGuardianLeft(ConsultationState.PAUSED));
        for (ConsultationState s : ConsultationState.values()) {
            if (s != ConsultationState.IN_PROGRESS) {
                assertEquals(s, gate.onGuardianLeft(s), s.name());
            }
        }
    }

    @Test
    void guardianReturningResumesOnlyAPausedSession() {
        assertEquals(ConsultationState.IN_PROGRESS, gate.onGuardianReturned(ConsultationState.PAUSED));
        for (ConsultationState s : ConsultationState.values()) {
            if (s != ConsultationState.PAUSED) {
                assertEquals(s, gate.onGuardianReturned(s), s.name());
            }
        }
    }

    @Test
    void leaveAndReturnRoundTripsAndMatchesTheStateMachine() {
        ConsultationStateMachine machine = new ConsultationStateMachine();
        ConsultationState paused = gate.onGuardianLeft(ConsultationState.IN_PROGRESS);
        assertEquals(machine.next(ConsultationState.IN_PROGRESS, ConsultationStateMachine.Action.PAUSE), paused);
        ConsultationState resumed = gate.onGuardianReturned(paused);
        assertEquals(machine.next(paused, ConsultationStateMachine.Action.RESUME), resumed);
        assertEquals(ConsultationState.IN_PROGRESS, resumed);
    }
}
