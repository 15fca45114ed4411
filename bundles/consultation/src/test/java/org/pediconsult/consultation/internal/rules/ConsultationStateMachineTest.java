package org.pediconsult.consultation.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pediconsult.consultation.api.ConsultationState.ASSESSED;
import static org.pediconsult.consultation.api.ConsultationState.CANCELLED;
import static org.pediconsult.consultation.api.ConsultationState.COMPLETED;
import static org.pediconsult.consultation.api.ConsultationState.IN_PROGRESS;
import static org.pediconsult.consultation.api.ConsultationState.PAUSED;
import static org.pediconsult.consultation.api.ConsultationState.REFERRED;
import static org.pediconsult.consultation.api.ConsultationState.REQUESTED;
import static org.pediconsult.consultation.api.ConsultationState.SCHEDULED;
import static org.pediconsult.consultation.api.ConsultationState.WAITING;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.pediconsult.consultation.api.ConsultationState;
import org.pediconsult.consultation.internal.rules.ConsultationStateMachine.Action;

class ConsultationStateMachineTest {

    /** The expected table, written out independently of the production enum. */
    private static final Object[][] ALLOWED = {
        {REQUESTED, Action.ASSESS_REMOTE_OK, ASSESSED},
        {REQUESTED, Action.REFER_FROM_TRIAGE, REFERRED},
        {ASSESSED, Action.BOOK, SCHEDULED},
        {SCHEDULED, Action.RESCHEDULE, SCHEDULED},
        {ASSESSED, Action.CANCEL, CANCELLED},
        {SCHEDULED, Action.CANCEL, CANCELLED},
        {WAITING, Action.CANCEL, CANCELLED},
        {SCHEDULED, Action.ENTER_WAITING_ROOM, WAITING},
        {WAITING, Action.ADMIT, IN_PROGRESS},
        {IN_PROGRESS, Action.PAUSE, PAUSED},
        {PAUSED, Action.RESUME, IN_PROGRESS},
        {IN_PROGRESS, Action.COMPLETE, COMPLETED},
        {WAITING, Action.END_AND_REFER, REFERRED},
        {IN_PROGRESS, Action.END_AND_REFER, REFERRED},
        {PAUSED, Action.END_AND_REFER, REFERRED},
        {SCHEDULED, Action.NO_SHOW, ConsultationState.NO_SHOW},
        {WAITING, Action.NO_SHOW, ConsultationState.NO_SHOW},
    };

    private final ConsultationStateMachine machine = new ConsultationStateMachine();

    @Test
    void everyAllowedTransitionLeadsToItsTarget() {
        for (Object[] row : ALLOWED) {
            ConsultationState from = (ConsultationState) row[0];
            Action action = (Action) row[1];
            assertTrue(machine.allowed(from, action), from + " " + action);
            assertEquals(row[2], machine.next(from, action), from + " " + action);
        }
    }

    @Test
    void everyOtherCombinationIsRefused() {
        int refused = 0;
        for (ConsultationState from : ConsultationState.values()) {
            for (Action action : Action.values()) {
                if (!expected(from, action)) {
                    assertFalse(machine.allowed(from, action), from + " " + action);
                    assertThrows(IllegalTransitionException.class, () -> machine.next(from, action));
                    refused++;
                }
            }
        }
        assertEquals(ConsultationState.values().length * Action.values().length - ALLOWED.length, refused);
    }

    @Test
    void refusalNamesTheStateAndTheAction() {
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> machine.next(PAUSED, Action.COMPLETE));
        assertEquals("cannot COMPLETE a consultation that is PAUSED", e.getMessage());
        assertSame(PAUSED, e.current());
        assertSame(Action.COMPLETE, e.action());
    }

    @Test
    void sampleOfRefusedTransitions() {
        assertFalse(machine.allowed(SCHEDULED, Action.ADMIT), "cannot skip the waiting room");
        assertFalse(machine.allowed(REQUESTED, Action.BOOK), "cannot book before assessment");
        assertFalse(machine.allowed(IN_PROGRESS, Action.CANCEL), "a started session ends by complete or refer");
        assertFalse(machine.allowed(PAUSED, Action.PAUSE));
        assertFalse(machine.allowed(IN_PROGRESS, Action.RESUME));
        assertFalse(machine.allowed(ASSESSED, Action.END_AND_REFER));
    }

    @Test
    void nothingLeavesATerminalState() {
        for (ConsultationState terminal : List.of(COMPLETED, REFERRED, CANCELLED, ConsultationState.NO_SHOW)) {
            assertTrue(terminal.terminal());
            assertTrue(machine.actionsFrom(terminal).isEmpty(), terminal.name());
            IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                    () -> machine.next(terminal, Action.RESUME));
            assertSame(terminal, e.current());
        }
        assertThrows(IllegalTransitionException.class, () -> machine.next(COMPLETED, Action.COMPLETE));
        assertThrows(IllegalTransitionException.class, () -> machine.next(REFERRED, Action.END_AND_REFER));
        assertThrows(IllegalTransitionException.class, () -> machine.next(CANCELLED, Action.CANCEL));
    }

    @Test
    void pausedAndInProgressAlternate() {
        ConsultationState s = IN_PROGRESS;
        for (int i = 0; i < 3; i++) {
            s = machine.next(s, Action.PAUSE);
            assertEquals(PAUSED, s);
            s = machine.next(s, Action.RESUME);
            assertEquals(IN_PROGRESS, s);
        }
        assertEquals(Set.of(Action.RESUME, Action.END_AND_REFER), machine.actionsFrom(PAUSED));
        assertEquals(Set.of(Action.PAUSE, Action.COMPLETE, Action.END_AND_REFER), machine.actionsFrom(IN_PROGRESS));
    }

    @Test
    void actionsFromMatchTheExpectedTable() {
        for (ConsultationState from : ConsultationState.values()) {
            Set<Action> expected = EnumSet.noneOf(Action.class);
            for (Object[] row : ALLOWED) {
                if (row[0] == from) {
                    expected.add((Action) row[1]);
                }
            }
            assertEquals(expected, machine.actionsFrom(from), from.name());
        }
        assertEquals(Set.of(Action.CANCEL, Action.ADMIT, Action.END_AND_REFER, Action.NO_SHOW),
                machine.actionsFrom(WAITING));
    }

    @Test
    void happyPathAndEndAndRefer() {
        List<ConsultationState> path = new ArrayList<>();
        ConsultationState s = REQUESTED;
        for (Action a : List.of(Action.ASSESS_REMOTE_OK, Action.BOOK, Action.RESCHEDULE, Action.ENTER_WAITING_ROOM,
                Action.ADMIT, Action.PAUSE, Action.END_AND_REFER)) {
            s = machine.next(s, a);
            path.add(s);
        }
        assertEquals(List.of(ASSESSED, SCHEDULED, SCHEDULED, WAITING, IN_PROGRESS, PAUSED, REFERRED), path);
    }

    private static boolean expected(ConsultationState from, Action action) {
        for (Object[] row : ALLOWED) {
            if (row[0] == from && row[1] == action) {
                return true;
            }
        }
        return false;
    }
}
