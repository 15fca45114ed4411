package org.pediconsult.consultation.internal.service;

import java.util.EnumSet;
import java.util.Set;

import org.pediconsult.consultation.api.ConsultationState;
import org.pediconsult.consultation.api.dto.ConsultationDTO;
import org.pediconsult.consultation.api.dto.GuardianDTO;
import org.pediconsult.consultation.api.dto.GuardianshipDTO;
import org.pediconsult.consultation.internal.store.ConsultationStore;
import org.pediconsult.consultation.internal.store.PeopleStore;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.data.Tx;
import org.pediconsult.platform.api.security.AuthenticatedUser;

/**
 * Who may sit in a consultation's video call: its physician, and its guardian once their identity
 * and their relationship to the child are verified; only while a call makes sense.
 */
public final class CallSeats {
    /** States in which a call makes sense: booked, waiting room, in progress, paused. */
    static final Set<ConsultationState> CALL_STATES = EnumSet.of(ConsultationState.SCHEDULED,
            ConsultationState.WAITING, ConsultationState.IN_PROGRESS, ConsultationState.PAUSED);

    /** A seat: the role name (as the video API names it) and the child, for the audit trail. */
    public record Seat(String role, String childId) {
    }

    private final Tx tx;
    private final ConsultationStore store;
    private final PeopleStore people;
    private final Access access;

    CallSeats(Tx tx, ConsultationStore store, PeopleStore people, Access access) {
        this.tx = tx;
        this.store = store;
        this.people = people;
        this.access = access;
    }

    Seat seat(AuthenticatedUser user, String id) {
        return tx.read(c -> {
            ConsultationDTO k = store.byId(c, id);
            access.requireConsultVisible(c, user, k);
            String role;
            if (access.isPhysicianOf(c, user, k)) {
                role = "PHYSICIAN";
            } else if (access.isGuardianOf(c, user, k)) {
                GuardianDTO g = people.guardian(c, k.guardianId);
                GuardianshipDTO link = people.guardianship(c, k.guardianId, k.childId);
                if (!g.identityVerified || link == null || !link.verified) {
                    throw ProblemException.forbidden("the guardian's identity and relationship to the child must be"
                            + " verified before joining the call");
                }
                role = "GUARDIAN";
            } else {
                throw ProblemException.forbidden("only the consultation's physician and guardian join its call");
            }
            if (!CALL_STATES.contains(ConsultationState.valueOf(k.state))) {
                throw new ProblemException(409, "no_call_in_state", "no call in state " + k.state);
            }
            return new Seat(role, k.childId);
        });
    }
}
