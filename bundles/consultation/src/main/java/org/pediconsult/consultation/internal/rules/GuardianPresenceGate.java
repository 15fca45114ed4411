package org.pediconsult.consultation.internal.rules;

import java.util.Objects;

import org.pediconsult.consultation.api.ConsultationState;

/**
 * A guardian must be with the child for the whole online consult.
 *
 * <p>Why a gate and not just a check at start: the rule holds for the whole session. A consult cannot
 * start unless the guardian's identity is verified, their relationship to this child is verified and
 * they are admitted (checked in that order: the verifications come first because admitting an
 * unverified person does not satisfy the rule). If the guardian leaves, an active session pauses and
 * nothing clinical happens until they return; the transitions here match
 * {@link ConsultationStateMachine.Action#PAUSE} and {@link ConsultationStateMachine.Action#RESUME}.
 */
public final class GuardianPresenceGate {

    static final String RULE_ADMITTED = "guardian-admitted";
    static final String RULE_IDENTITY = "guardian-identity-verified";
    static final String RULE_RELATIONSHIP = "guardian-relationship-verified";

    /**
     * Whether a guardian may book a consultation for the child: only once the hospital has verified their
     * identity and their relationship to the child (an unverified guardian may already fill in the assessment).
     */
    public RuleDecision canBook(boolean identityVerified, boolean relationshipVerified) {
        if (!identityVerified) {
            return RuleDecision.refuse(RULE_IDENTITY,
                    "the guardian's identity is not verified yet: the hospital's front desk verifies it, then you can book",
                    "监护人身份尚未核验：医院前台核验后即可预约");
        }
        if (!relationshipVerified) {
            return RuleDecision.refuse(RULE_RELATIONSHIP,
                    "the guardian's relationship to this child is not verified yet: the hospital verifies it, then you can book",
                    "监护人与该患儿的关系尚未核验：医院核验后即可预约");
        }
        return RuleDecision.allow();
    }

    /** Whether the consult may start (or resume) with this guardian. */
    public RuleDecision canStart(GuardianFacts g) {
        Objects.requireNonNull(g, "guardian");
        if (!g.identityVerified()) {
            return RuleDecision.refuse(RULE_IDENTITY,
                    "the guardian's identity is not verified; a consult cannot start without a verified guardian",
                    "监护人身份未核验；监护人未经核验不能开始问诊");
        }
        if (!g.relationshipVerified()) {
            return RuleDecision.refuse(RULE_RELATIONSHIP,
                    "the guardian's relationship to this child is not verified; a consult cannot start without it",
                    "监护人与该患儿的关系未核验；未核验不能开始问诊");
        }
        if (!g.admitted()) {
            return RuleDecision.refuse(RULE_ADMITTED,
                    "the guardian is not admitted to the session; the guardian must be with the child for the whole"
                            + " consult",
                    "监护人未进入问诊；监护人须全程陪同患儿");
        }
        return RuleDecision.allow();
    }

    /**
     * The state after the guardian leaves: an {@code IN_PROGRESS} session pauses; a waiting room stays
     * waiting (the consult has not started, the guardian may still come back); every other state,
     * including {@code PAUSED} and terminal states, is unchanged.
     */
    public ConsultationState onGuardianLeft(ConsultationState current) {
        Objects.requireNonNull(current, "current");
        return current == ConsultationState.IN_PROGRESS ? ConsultationState.PAUSED : current;
    }

    /** The state after the guardian returns: a {@code PAUSED} session resumes; others are unchanged. */
    public ConsultationState onGuardianReturned(ConsultationState current) {
        Objects.requireNonNull(current, "current");
        return current == ConsultationState.PAUSED ? ConsultationState.IN_PROGRESS : current;
    }
}
