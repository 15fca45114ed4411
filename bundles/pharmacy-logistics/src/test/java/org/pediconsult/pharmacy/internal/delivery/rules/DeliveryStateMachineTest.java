package org.pediconsult.pharmacy.internal.delivery.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pediconsult.pharmacy.api.DeliveryState.AWAITING_DISPENSING;
import static org.pediconsult.pharmacy.api.DeliveryState.AWAITING_PICKUP;
import static org.pediconsult.pharmacy.api.DeliveryState.CANCELLED;
import static org.pediconsult.pharmacy.api.DeliveryState.DELIVERED;
import static org.pediconsult.pharmacy.api.DeliveryState.DISPENSED;
import static org.pediconsult.pharmacy.api.DeliveryState.FAILED_ATTEMPT;
import static org.pediconsult.pharmacy.api.DeliveryState.IN_TRANSIT;
import static org.pediconsult.pharmacy.api.DeliveryState.QUARANTINED;
import static org.pediconsult.pharmacy.api.DeliveryState.REFUSED;
import static org.pediconsult.pharmacy.api.DeliveryState.RETURNED;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.pediconsult.pharmacy.api.DeliveryState;

class DeliveryStateMachineTest {

    /** The expected table, written out independently of the production code. */
    private static final Object[][] ALLOWED = {
        {AWAITING_DISPENSING, DeliveryAction.DISPENSE, DISPENSED},
        {AWAITING_DISPENSING, DeliveryAction.CANCEL, CANCELLED},
        {DISPENSED, DeliveryAction.ASSIGN, AWAITING_PICKUP},
        {DISPENSED, DeliveryAction.RECALL, RETURNED},
        {AWAITING_PICKUP, DeliveryAction.RECALL, RETURNED},
        {AWAITING_PICKUP, DeliveryAction.ASSIGN, AWAITING_PICKUP},
        {AWAITING_PICKUP, DeliveryAction.DISPATCH, IN_TRANSIT},
        {IN_TRANSIT, DeliveryAction.HAND_OVER, DELIVERED},
        {IN_TRANSIT, DeliveryAction.CONFIRM_RECEIPT, DELIVERED},
        {IN_TRANSIT, DeliveryAction.REFUSE, REFUSED},
        {IN_TRANSIT, DeliveryAction.FAIL_ATTEMPT, FAILED_ATTEMPT},
        {FAILED_ATTEMPT, DeliveryAction.RETRY, IN_TRANSIT},
        {FAILED_ATTEMPT, DeliveryAction.RETURN, RETURNED},
        {REFUSED, DeliveryAction.RETURN, RETURNED},
        {RETURNED, DeliveryAction.QUARANTINE, QUARANTINED},
    };

    @Test
    void everyAllowedTransitionLeadsToItsTarget() {
        for (Object[] row : ALLOWED) {
            DeliveryState from = (DeliveryState) row[0];
            DeliveryAction action = (DeliveryAction) row[1];
            assertEquals(row[2], DeliveryStateMachine.next(from, action), from + " " + action);
        }
    }

    @Test
    void everyOtherPairIsRefusedNamingStateAndAction() {
        int refused = 0;
        for (DeliveryState from : DeliveryState.values()) {
            for (DeliveryAction action : DeliveryAction.values()) {
                if (expected(from, action) == null) {
                    IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                            () -> DeliveryStateMachine.next(from, action), from + " " + action);
                    assertSame(from, e.from());
                    assertSame(action, e.action());
                    assertEquals("cannot " + action + " a delivery that is " + from, e.getMessage());
                    refused++;
                }
            }
        }
        assertEquals(DeliveryState.values().length * DeliveryAction.values().length - ALLOWED.length, refused);
    }

    @Test
    void allowedMatchesTheTableForEveryState() {
        for (DeliveryState from : DeliveryState.values()) {
            Set<DeliveryAction> expected = EnumSet.noneOf(DeliveryAction.class);
            for (Object[] row : ALLOWED) {
                if (row[0] == from) {
                    expected.add((DeliveryAction) row[1]);
                }
            }
            assertEquals(expected, DeliveryStateMachine.allowed(from), from.name());
        }
        assertEquals(Set.of(DeliveryAction.HAND_OVER, DeliveryAction.CONFIRM_RECEIPT, DeliveryAction.REFUSE,
                DeliveryAction.FAIL_ATTEMPT), DeliveryStateMachine.allowed(IN_TRANSIT));
    }

    @Test
    void terminalStatesHaveNoWayOut() {
        for (DeliveryState state : DeliveryState.values()) {
            assertEquals(state.terminal(), DeliveryStateMachine.allowed(state).isEmpty(), state.name());
        }
        assertTrue(DeliveryStateMachine.allowed(DELIVERED).isEmpty());
        assertTrue(DeliveryStateMachine.allowed(QUARANTINED).isEmpty());
        assertTrue(DeliveryStateMachine.allowed(CANCELLED).isEmpty());
    }

    @Test
    void sampleOfRefusals() {
        // in transit: a voided prescription no longer recalls the parcel, and there is no restocking
        assertThrows(IllegalTransitionException.class, () -> DeliveryStateMachine.next(IN_TRANSIT, DeliveryAction.RECALL));
        assertThrows(IllegalTransitionException.class, () -> DeliveryStateMachine.next(DISPENSED, DeliveryAction.CANCEL));
        assertThrows(IllegalTransitionException.class, () -> DeliveryStateMachine.next(DISPENSED, DeliveryAction.DISPATCH));
        assertThrows(IllegalTransitionException.class, () -> DeliveryStateMachine.next(REFUSED, DeliveryAction.RETRY));
        assertThrows(IllegalTransitionException.class, () -> DeliveryStateMachine.next(IN_TRANSIT, DeliveryAction.RETURN));
        assertThrows(IllegalTransitionException.class, () -> DeliveryStateMachine.next(REFUSED, DeliveryAction.QUARANTINE));
    }

    @Test
    void nullsAreRejected() {
        assertThrows(NullPointerException.class, () -> DeliveryStateMachine.next(null, DeliveryAction.DISPENSE));
        assertThrows(NullPointerException.class, () -> DeliveryStateMachine.next(IN_TRANSIT, null));
        assertThrows(NullPointerException.class, () -> DeliveryStateMachine.allowed(null));
    }

    @Test
    void allowedReturnsAFreshSet() {
        DeliveryStateMachine.allowed(AWAITING_DISPENSING).clear();
        assertEquals(Set.of(DeliveryAction.DISPENSE, DeliveryAction.CANCEL),
                DeliveryStateMachine.allowed(AWAITING_DISPENSING));
    }

    @Test
    void failedAttemptRetriedThenRefusedAndQuarantined() {
        DeliveryState s = AWAITING_DISPENSING;
        for (DeliveryAction a : List.of(DeliveryAction.DISPENSE, DeliveryAction.ASSIGN, DeliveryAction.ASSIGN,
                DeliveryAction.DISPATCH, DeliveryAction.FAIL_ATTEMPT, DeliveryAction.RETRY, DeliveryAction.REFUSE,
                DeliveryAction.RETURN, DeliveryAction.QUARANTINE)) {
            s = DeliveryStateMachine.next(s, a);
        }
        assertEquals(QUARANTINED, s);
    }

    private static DeliveryState expected(DeliveryState from, DeliveryAction action) {
        for (Object[] row : ALLOWED) {
            if (row[0] == from && row[1] == action) {
                return (DeliveryState) row[2];
            }
        }
        return null;
    }
}
