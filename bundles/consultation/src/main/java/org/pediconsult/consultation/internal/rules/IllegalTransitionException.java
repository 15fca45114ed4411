package org.pediconsult.consultation.internal.rules;

import java.util.Objects;

import org.pediconsult.consultation.api.ConsultationState;

/**
 * An action was attempted from a state that does not allow it.
 *
 * <p>Why it carries the state and action: callers map it to a conflict response and the audit trail,
 * and must say exactly what was attempted and from where, without parsing the message.
 */
public final class IllegalTransitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ConsultationState current;
    private final ConsultationStateMachine.Action action;

    public IllegalTransitionException(ConsultationState current, ConsultationStateMachine.Action action) {
        super("cannot " + Objects.requireNonNull(action, "action") + " a consultation that is "
                + Objects.requireNonNull(current, "current"));
        this.current = current;
        this.action = action;
    }

    /** The state the consultation was in. */
    public ConsultationState current() {
        return current;
    }

    /** The action that was refused. */
    public ConsultationStateMachine.Action action() {
        return action;
    }
}
