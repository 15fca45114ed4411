package org.pediconsult.consultation.internal.rules;

import static org.pediconsult.consultation.api.ConsultationState.ASSESSED;
import static org.pediconsult.consultation.api.ConsultationState.CANCELLED;
import static org.pediconsult.consultation.api.ConsultationState.COMPLETED;
import static org.pediconsult.consultation.api.ConsultationState.IN_PROGRESS;
import static org.pediconsult.consultation.api.ConsultationState.PAUSED;
import static org.pediconsult.consultation.api.ConsultationState.REFERRED;
import static org.pediconsult.consultation.api.ConsultationState.REQUESTED;
import static org.pediconsult.consultation.api.ConsultationState.SCHEDULED;
import static org.pediconsult.consultation.api.ConsultationState.WAITING;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.pediconsult.consultation.api.ConsultationState;

/**
 * The only transitions a consultation may take, as named actions.
 *
 * <p>Why a table of actions rather than free state assignment: every state change is a clinical or
 * administrative event (booked, admitted, paused, referred...) that must be auditable and must not
 * skip a safeguard, e.g. reaching {@code IN_PROGRESS} without passing the waiting room where the
 * guardian is checked. Terminal states ({@link ConsultationState#terminal()}) have no outgoing action.
 * {@link Action#END_AND_REFER} lets the physician end the session and refer in one step.
 */
public final class ConsultationStateMachine {

    /** A named transition: the states it may start from and the state it leads to. */
    public enum Action {
        ASSESS_REMOTE_OK(ASSESSED, REQUESTED),
        REFER_FROM_TRIAGE(REFERRED, REQUESTED),
        BOOK(SCHEDULED, ASSESSED),
        RESCHEDULE(SCHEDULED, SCHEDULED),
        CANCEL(CANCELLED, ASSESSED, SCHEDULED, WAITING),
        ENTER_WAITING_ROOM(WAITING, SCHEDULED),
        ADMIT(IN_PROGRESS, WAITING),
        PAUSE(PAUSED, IN_PROGRESS),
        RESUME(IN_PROGRESS, PAUSED),
        COMPLETE(COMPLETED, IN_PROGRESS),
        END_AND_REFER(REFERRED, WAITING, IN_PROGRESS, PAUSED),
        NO_SHOW(ConsultationState.NO_SHOW, SCHEDULED, WAITING);

        private final ConsultationState target;
        private final Set<ConsultationState> sources;

        Action(ConsultationState target, ConsultationState first, ConsultationState... rest) {
            this.target = target;
            this.sources = Collections.unmodifiableSet(EnumSet.of(first, rest));
        }

        /** The state this action leads to. */
        public ConsultationState target() {
            return target;
        }

        /** The states this action may be taken from (unmodifiable). */
        public Set<ConsultationState> sources() {
            return sources;
        }
    }

    /**
     * @return the state after taking {@code action} from {@code current}
     * @throws IllegalTransitionException if the action is not allowed from {@code current}
     */
    public ConsultationState next(ConsultationState current, Action action) {
        if (!allowed(current, action)) {
            throw new IllegalTransitionException(current, action);
        }
        return action.target();
    }

    /** Whether {@code action} may be taken from {@code current}. */
    public boolean allowed(ConsultationState current, Action action) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(action, "action");
        return action.sources().contains(current);
    }

    /** The actions that may be taken from {@code current}; empty for terminal states. A fresh set. */
    public Set<Action> actionsFrom(ConsultationState current) {
        Objects.requireNonNull(current, "current");
        Set<Action> actions = EnumSet.noneOf(Action.class);
        for (Action action : Action.values()) {
            if (action.sources().contains(current)) {
                actions.add(action);
            }
        }
        return actions;
    }
}
