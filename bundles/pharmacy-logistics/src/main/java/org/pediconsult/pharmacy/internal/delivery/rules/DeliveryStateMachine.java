package org.pediconsult.pharmacy.internal.delivery.rules;

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

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.pediconsult.pharmacy.api.DeliveryState;

/**
 * The only transitions a delivery order may take (domain notes, "States of a delivery order"). Terminal
 * states (delivered, quarantined, cancelled) have no outgoing action. Whether a retry is still allowed
 * (attempt count) and whether a parcel may be handed over (seal, cold chain) are decided by
 * {@link AttemptsPolicy} and {@link HandOverRule}; this table only knows states.
 */
public final class DeliveryStateMachine {

    private static final Map<DeliveryState, Map<DeliveryAction, DeliveryState>> TABLE = new EnumMap<>(DeliveryState.class);

    static {
        for (DeliveryState state : DeliveryState.values()) {
            TABLE.put(state, new EnumMap<>(DeliveryAction.class));
        }
        allow(AWAITING_DISPENSING, DeliveryAction.DISPENSE, DISPENSED);
        allow(AWAITING_DISPENSING, DeliveryAction.CANCEL, CANCELLED);
        allow(DISPENSED, DeliveryAction.ASSIGN, AWAITING_PICKUP);
        allow(DISPENSED, DeliveryAction.RECALL, RETURNED);
        allow(AWAITING_PICKUP, DeliveryAction.ASSIGN, AWAITING_PICKUP);
        allow(AWAITING_PICKUP, DeliveryAction.RECALL, RETURNED);
        allow(AWAITING_PICKUP, DeliveryAction.DISPATCH, IN_TRANSIT);
        allow(IN_TRANSIT, DeliveryAction.HAND_OVER, DELIVERED);
        allow(IN_TRANSIT, DeliveryAction.CONFIRM_RECEIPT, DELIVERED);
        allow(IN_TRANSIT, DeliveryAction.REFUSE, REFUSED);
        allow(IN_TRANSIT, DeliveryAction.FAIL_ATTEMPT, FAILED_ATTEMPT);
        allow(FAILED_ATTEMPT, DeliveryAction.RETRY, IN_TRANSIT);
        allow(FAILED_ATTEMPT, DeliveryAction.RETURN, RETURNED);
        allow(REFUSED, DeliveryAction.RETURN, RETURNED);
        allow(RETURNED, DeliveryAction.QUARANTINE, QUARANTINED);
    }

    private DeliveryStateMachine() {
    }

    private static void allow(DeliveryState from, DeliveryAction action, DeliveryState to) {
        TABLE.get(from).put(action, to);
    }

    /**
     * @return the state after taking {@code action} from {@code from}
     * @throws IllegalTransitionException if the action is not allowed from {@code from}
     */
    public static DeliveryState next(DeliveryState from, DeliveryAction action) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(action, "action");
        DeliveryState to = TABLE.get(from).get(action);
        if (to == null) {
            throw new IllegalTransitionException(from, action);
        }
        return to;
    }

    /** The actions that may be taken from {@code state}; empty for terminal states. A fresh, modifiable set. */
    public static Set<DeliveryAction> allowed(DeliveryState state) {
        Objects.requireNonNull(state, "state");
        Set<DeliveryAction> actions = EnumSet.noneOf(DeliveryAction.class);
        actions.addAll(TABLE.get(state).keySet());
        return actions;
    }
}
