package org.pediconsult.pharmacy.internal.delivery.rules;

import java.util.Objects;

import org.pediconsult.pharmacy.api.DeliveryState;

/**
 * An action was attempted on a delivery in a state that does not allow it. Carries the state and the action
 * so callers can answer 409 and audit exactly what was attempted, without parsing the message.
 */
public final class IllegalTransitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final DeliveryState from;
    private final DeliveryAction action;

    public IllegalTransitionException(DeliveryState from, DeliveryAction action) {
        super("cannot " + Objects.requireNonNull(action, "action") + " a delivery that is "
                + Objects.requireNonNull(from, "from"));
        this.from = from;
        this.action = action;
    }

    /** The state the delivery was in. */
    public DeliveryState from() {
        return from;
    }

    /** The action that was refused. */
    public DeliveryAction action() {
        return action;
    }
}
