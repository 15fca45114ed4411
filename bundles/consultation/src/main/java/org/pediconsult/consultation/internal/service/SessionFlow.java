package org.pediconsult.consultation.internal.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.pediconsult.consultation.api.ConsultationState;
import org.pediconsult.consultation.api.dto.ConsultationDTO;
import org.pediconsult.consultation.api.dto.GuardianDTO;
import org.pediconsult.consultation.api.dto.GuardianshipDTO;
import org.pediconsult.consultation.internal.rules.ConsultationStateMachine.Action;
import org.pediconsult.consultation.internal.rules.GuardianFacts;
import org.pediconsult.consultation.internal.rules.ReferralRequest;
import org.pediconsult.consultation.internal.store.ConsultationStore;
import org.pediconsult.consultation.internal.store.PeopleStore;
import org.pediconsult.platform.api.data.Tx;
import org.pediconsult.platform.api.Ids;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.security.AuthenticatedUser;

/**
 * The guarded session: waiting room, admission with the physician's attestation that the guardian
 * is present, pause and resume with the guardian's presence, completion, end-and-refer, no-show
 * and follow-ups.
 */
final class SessionFlow {
    private final Tx tx;
    private final ConsultationStore store;
    private final PeopleStore people;
    private final Access access;
    private final PilotRules rules;
    private final TransitionWriter writer;
    private final Specialties specialties;
    private final Clock clock;

    SessionFlow(Tx tx, ConsultationStore store, PeopleStore people, Access access, PilotRules rules,
                TransitionWriter writer, Specialties specialties, Clock clock) {
        this.tx = tx;
        this.store = store;
        this.people = people;
        this.access = access;
        this.rules = rules;
        this.writer = writer;
        this.specialties = specialties;
        this.clock = clock;
    }

    ConsultationDTO enterWaitingRoom(AuthenticatedUser user, String id) {
        return tx.inTransaction(c -> {
            ConsultationDTO k = load(c, id, true);
            access.requireConsultGuardian(c, user, k);
            String from = k.state;
            k.state = Refusals.next(rules.machine, from, Action.ENTER_WAITING_ROOM).name();
            k.guardianPresent = true;
            writer.write(c, k, from, Action.ENTER_WAITING_ROOM, user.username(), clock.instant(), "waiting", null);
            return k;
        });
    }

    /** The physician admits the family and attests, by this call, that the guardian is with the child. */
    ConsultationDTO admit(AuthenticatedUser user, String id) {
        return tx.inTransaction(c -> {
            ConsultationDTO k = load(c, id, true);
            access.requireConsultPhysician(c, user, k);
            GuardianDTO g = people.guardian(c, k.guardianId);
            GuardianshipDTO link = people.guardianship(c, k.guardianId, k.childId);
            boolean admitted = k.guardianPresent && ConsultationState.WAITING.name().equals(k.state);
            Refusals.require(rules.guardianGate.canStart(new GuardianFacts(admitted, g.identityVerified,
                    link != null && link.verified)));
            String from = k.state;
            k.state = Refusals.next(rules.machine, from, Action.ADMIT).name();
            Instant now = clock.instant();
            k.guardianAttestedBy = user.username();
            k.guardianAttestedAt = now;
            writer.write(c, k, from, Action.ADMIT, user.username(), now, "started",
                    Map.of("guardianAttestedBy", user.username()));
            return k;
        });
    }

    /** Presence from the video bundle or a participant: leaving pauses a session, returning resumes it. */
    ConsultationDTO presence(String id, boolean present, String actor, AuthenticatedUser user) {
        return tx.inTransaction(c -> {
            ConsultationDTO k = load(c, id, false);
            if (user != null) {
                access.requireConsultVisible(c, user, k);
                if (!access.isGuardianOf(c, user, k) && !access.isPhysicianOf(c, user, k)) {
                    throw ProblemException.forbidden("only the consultation's guardian or physician report presence");
                }
            }
            String from = k.state;
            ConsultationState current = ConsultationState.valueOf(from);
            ConsultationState next = present ? rules.guardianGate.onGuardianReturned(current)
                    : rules.guardianGate.onGuardianLeft(current);
            k.guardianPresent = present;
            Instant now = clock.instant();
            if (next == current) {
                k.updatedAt = now;
                if (!store.update(c, k)) {
                    throw ProblemException.conflict("concurrent_update", "the consultation was changed by someone else");
                }
                writer.record(c, k, from, present ? "GUARDIAN_JOINED" : "GUARDIAN_LEFT", actor, now,
                        present ? "guardian-joined" : "guardian-left", null);
            } else {
                Action action = present ? Action.RESUME : Action.PAUSE;
                k.state = Refusals.next(rules.machine, from, action).name();
                writer.write(c, k, from, action, actor, now, present ? "resumed" : "paused", null);
            }
            return k;
        });
    }

    ConsultationDTO complete(AuthenticatedUser user, String id, String diagnosis, String plan) {
        require("diagnosis", diagnosis, 4000);
        require("plan", plan, 4000);
        return byPhysician(user, id, Action.COMPLETE, "completed", k -> {
            k.diagnosis = diagnosis.trim();
            k.plan = plan.trim();
            return null;
        });
    }

    /** One call: the session ends for everyone, the consult is REFERRED, and consult.referred tells the rest. */
    ConsultationDTO endAndRefer(AuthenticatedUser user, String id, String reason, String facility) {
        ReferralRequest referral;
        try {
            referral = ReferralRequest.of(reason, facility);
        } catch (IllegalArgumentException e) {
            String field = e.getMessage().startsWith("facility") ? "facility" : "reason";
            throw ProblemException.badField(field, e.getMessage());
        }
        return byPhysician(user, id, Action.END_AND_REFER, "referred", k -> {
            k.referralReason = referral.reason();
            k.referralFacility = referral.facility();
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("referredFrom", "SESSION");
            extra.put("referralReason", k.referralReason);
            extra.put("referralFacility", k.referralFacility);
            extra.put("endSession", true);
            extra.put("voidPrescriptions", true);
            extra.put("billing", "ENDED_AND_REFERRED");
            return extra;
        });
    }

    ConsultationDTO noShow(AuthenticatedUser user, String id) {
        return byPhysician(user, id, Action.NO_SHOW, "no-show", k -> null);
    }

    /** A follow-up of a completed consult: same child, specialty and guardian, no new triage; book it as usual. */
    ConsultationDTO followUp(AuthenticatedUser user, String id) {
        return tx.inTransaction(c -> {
            ConsultationDTO previous = load(c, id, true);
            access.requireConsultVisible(c, user, previous);
            Refusals.require(rules.scope().followUpAllowed(previous.specialtyId));
            if (!ConsultationState.COMPLETED.name().equals(previous.state)) {
                throw new ProblemException(409, "illegal_transition", "only a completed consultation can have a "
                        + "follow-up (current state: " + previous.state + ")");
            }
            Instant now = clock.instant();
            ConsultationDTO k = new ConsultationDTO();
            k.id = Ids.newId();
            k.childId = previous.childId;
            k.guardianId = previous.guardianId;
            k.specialtyId = previous.specialtyId;
            k.kind = "FOLLOW_UP";
            k.previousId = previous.id;
            k.state = ConsultationState.ASSESSED.name();
            k.createdAt = now;
            k.updatedAt = now;
            store.insert(c, k);
            writer.record(c, k, null, "FOLLOW_UP", user.username(), now, "registered",
                    Map.of("previousId", previous.id));
            k.specialtyAvailable = true;
            return k;
        });
    }

    /**
     * A transition only the consult's physician may make: check, move the state, let {@code change}
     * fill the consult's fields (answering extra event data or null), write it all.
     */
    private ConsultationDTO byPhysician(AuthenticatedUser user, String id, Action action, String event,
                                        Function<ConsultationDTO, Map<String, Object>> change) {
        return tx.inTransaction(c -> {
            ConsultationDTO k = load(c, id, false);
            access.requireConsultPhysician(c, user, k);
            String from = k.state;
            k.state = Refusals.next(rules.machine, from, action).name();
            Map<String, Object> extra = change.apply(k);
            writer.write(c, k, from, action, user.username(), clock.instant(), event, extra);
            return k;
        });
    }

    /**
     * The consultation, or 404. {@code startsSomething}: the step starts or resumes care (waiting room,
     * admission, follow-up) and needs the specialty installed; ending steps (presence, completion,
     * end-and-refer, no-show) work on consultations of a removed specialty bundle too, so that none is
     * stranded open.
     */
    private ConsultationDTO load(Connection c, String id, boolean startsSomething) throws SQLException {
        ConsultationDTO k = store.byId(c, id);
        if (k == null) {
            throw ProblemException.notFound("consultation");
        }
        if (startsSomething) {
            specialties.requireInstalled(k);
        }
        return k;
    }

    private static void require(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badField(field, field + " is required");
        }
        if (value.length() > max) {
            throw ProblemException.badField(field, field + " must be at most " + max + " characters");
        }
    }
}
