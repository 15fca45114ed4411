package org.pediconsult.consultation.internal.service;

import org.pediconsult.consultation.api.ConsultationState;
import org.pediconsult.consultation.internal.rules.ConsultationStateMachine;
import org.pediconsult.consultation.internal.rules.IllegalTransitionException;
import org.pediconsult.consultation.internal.rules.RuleDecision;
import org.pediconsult.platform.api.ProblemException;

/** How pilot rules and the state machine answer over REST: 422 naming the rule, 409 naming the state. */
final class Refusals {
    private Refusals() {
    }

    /** Throws 422 with the refusing rule as the problem code and its reason in English and Chinese. */
    static void require(RuleDecision decision) {
        if (!decision.allowed()) {
            throw new ProblemException(422, decision.rule(), decision.reasonEn() + " / " + decision.reasonZh());
        }
    }

    static ConsultationState next(ConsultationStateMachine machine, String current, ConsultationStateMachine.Action action) {
        try {
            return machine.next(ConsultationState.valueOf(current), action);
        } catch (IllegalTransitionException e) {
            throw new ProblemException(409, "illegal_transition", e.getMessage() + " (current state: " + current + ")");
        }
    }
}
