package org.pediconsult.consultation.internal.service;

import org.pediconsult.consultation.api.dto.GuardianDTO;
import org.pediconsult.consultation.api.dto.GuardianshipDTO;
import org.pediconsult.consultation.internal.store.PeopleStore;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;

import org.pediconsult.consultation.api.ConsultationState;
import org.pediconsult.consultation.api.dto.ConsultationDTO;
import org.pediconsult.consultation.api.dto.PhysicianDTO;
import org.pediconsult.consultation.api.dto.SlotDTO;
import org.pediconsult.consultation.internal.rules.ConsultationStateMachine.Action;
import org.pediconsult.consultation.internal.rules.PhysicianFacts;
import org.pediconsult.consultation.internal.rules.RuleDecision;
import org.pediconsult.consultation.internal.store.Rows;
import org.pediconsult.consultation.internal.store.ConsultationStore;
import org.pediconsult.consultation.internal.store.PhysicianStore;
import org.pediconsult.platform.api.data.Tx;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.security.AuthenticatedUser;

/**
 * Booking, rescheduling and cancelling. A slot is taken by one conditional UPDATE inside the
 * booking transaction, so concurrent bookings of one slot have exactly one winner and the losers
 * leave nothing behind.
 */
final class Booking {
    private final Tx tx;
    private final ConsultationStore store;
    private final PhysicianStore physicians;
    private final Access access;
    private final PilotRules rules;
    private final TransitionWriter writer;
    private final Specialties specialties;
    private final Clock clock;
    private final PeopleStore people = new PeopleStore();

    Booking(Tx tx, ConsultationStore store, PhysicianStore physicians, Access access, PilotRules rules,
            TransitionWriter writer, Specialties specialties, Clock clock) {
        this.tx = tx;
        this.store = store;
        this.physicians = physicians;
        this.access = access;
        this.rules = rules;
        this.writer = writer;
        this.specialties = specialties;
        this.clock = clock;
    }

    /** A booking refused by a physician eligibility rule: recorded (own transaction) after the booking rolled back. */
    private static final class EligibilityRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient RuleDecision decision;
        final String physicianId;
        final String institution;
        final String specialtyId;

        EligibilityRefused(RuleDecision decision, String physicianId, String institution, String specialtyId) {
            super(decision.rule(), null, false, false);
            this.decision = decision;
            this.physicianId = physicianId;
            this.institution = institution;
            this.specialtyId = specialtyId;
        }
    }

    private <T> T recordingRefusals(AuthenticatedUser user, java.util.function.Supplier<T> booking) {
        try {
            return booking.get();
        } catch (EligibilityRefused e) {
            tx.inTransaction(c -> Rows.update(c, "INSERT INTO consult_eligibility_refusal (rule, physician_id, institution, "
                    + "specialty_id, actor, refused_at) VALUES (?, ?, ?, ?, ?, ?)", e.decision.rule(), e.physicianId,
                    e.institution, e.specialtyId, user.username(), clock.instant()));
            Refusals.require(e.decision);
            throw new IllegalStateException("unreachable");
        }
    }

    ConsultationDTO book(AuthenticatedUser user, String consultationId, String slotId) {
        return recordingRefusals(user, () -> bookOnce(user, consultationId, slotId));
    }

    private ConsultationDTO bookOnce(AuthenticatedUser user, String consultationId, String slotId) {
        return tx.inTransaction(c -> {
            ConsultationDTO k = store.byId(c, consultationId);
            GuardianDTO caller = access.requireConsultGuardian(c, user, k);
            specialties.requireInstalled(k);
            requireVerifiedGuardian(c, k, caller);
            String from = k.state;
            ConsultationState to = Refusals.next(rules.machine, from, Action.BOOK);
            Instant now = clock.instant();
            SlotDTO slot = eligibleFreeSlot(c, k, slotId, now);
            take(c, k, slot);
            k.state = to.name();
            writer.write(c, k, from, Action.BOOK, user.username(), now, "booked", null);
            return k;
        });
    }

    /**
     * The consultation's guardian (the one who started it) has a verified identity and a verified
     * relationship to the child, whoever books: the guardian, or an administrator for the family.
     * A consultation without a recorded guardian needs one guardian of the child verified both ways.
     * {@code caller}: the consultation's guardian when that is who books (already read in this transaction), or null.
     */
    private void requireVerifiedGuardian(Connection c, ConsultationDTO k, GuardianDTO caller) throws SQLException {
        if (k.guardianId != null) {
            GuardianDTO g = caller != null && caller.id.equals(k.guardianId) ? caller : people.guardian(c, k.guardianId);
            GuardianshipDTO link = people.guardianship(c, k.guardianId, k.childId);
            Refusals.require(rules.guardianGate.canBook(g != null && g.identityVerified, link != null && link.verified));
            return;
        }
        boolean identity = false;
        boolean relationship = false;
        for (GuardianshipDTO link : people.child(c, k.childId).guardians) {
            GuardianDTO other = people.guardian(c, link.guardianId);
            identity |= other.identityVerified;
            relationship |= other.identityVerified && link.verified;
        }
        Refusals.require(rules.guardianGate.canBook(identity, relationship));
    }

    ConsultationDTO reschedule(AuthenticatedUser user, String consultationId, String slotId) {
        return recordingRefusals(user, () -> rescheduleOnce(user, consultationId, slotId));
    }

    private ConsultationDTO rescheduleOnce(AuthenticatedUser user, String consultationId, String slotId) {
        return tx.inTransaction(c -> {
            ConsultationDTO k = store.byId(c, consultationId);
            GuardianDTO caller = access.requireConsultGuardian(c, user, k);
            specialties.requireInstalled(k);
            String from = k.state;
            Refusals.next(rules.machine, from, Action.RESCHEDULE);
            requireVerifiedGuardian(c, k, caller);
            Instant now = clock.instant();
            SlotDTO slot = eligibleFreeSlot(c, k, slotId, now);
            String previousSlot = k.slotId;
            physicians.releaseSlot(c, previousSlot, k.id);
            take(c, k, slot);
            writer.write(c, k, from, Action.RESCHEDULE, user.username(), now, "rescheduled",
                    Map.of("previousSlotId", previousSlot));
            return k;
        });
    }

    ConsultationDTO cancel(AuthenticatedUser user, String consultationId) {
        return tx.inTransaction(c -> {
            ConsultationDTO k = store.byId(c, consultationId);
            access.requireConsultParticipant(c, user, k);
            // no specialty check: a consultation of a removed or retired specialty can always be cancelled
            String from = k.state;
            k.state = Refusals.next(rules.machine, from, Action.CANCEL).name();
            if (k.slotId != null) {
                physicians.releaseSlot(c, k.slotId, k.id);
            }
            writer.write(c, k, from, Action.CANCEL, user.username(), clock.instant(), "cancelled", null);
            return k;
        });
    }

    private SlotDTO eligibleFreeSlot(Connection c, ConsultationDTO k, String slotId, Instant now) throws SQLException {
        PhysicianStore.BookableSlot bookable = slotId == null ? null : physicians.bookableSlot(c, slotId);
        SlotDTO slot = bookable == null ? null : bookable.slot();
        if (slot == null) {
            throw new ProblemException(404, "not_found", "slot not found", "slotId");
        }
        if (!slot.free) {
            throw ProblemException.conflict("slot_taken", "this slot is already booked; choose another");
        }
        if (!slot.startsAt.isAfter(now)) {
            throw ProblemException.conflict("slot_in_past", "this slot has already begun; choose a later one");
        }
        PilotRules.Snapshot scope = rules.snapshot();
        LocalDate day = slot.startsAt.atZone(scope.zone()).toLocalDate();
        PhysicianDTO p = bookable.physician();
        RuleDecision eligible = scope.eligibility().check(new PhysicianFacts(p.whitelisted, p.practiceSince, p.institution,
                new HashSet<>(p.specialties)), k.specialtyId, day);
        if (!eligible.allowed()) {
            throw new EligibilityRefused(eligible, p.id, p.institution, k.specialtyId);
        }
        if ("INITIAL".equals(k.kind)) {
            Refusals.require(scope.scope().initialBookingAllowed(day, k.specialtyId));
        }
        return slot;
    }

    private void take(Connection c, ConsultationDTO k, SlotDTO slot) throws SQLException {
        if (!physicians.claimSlot(c, slot.id, k.id)) {
            throw ProblemException.conflict("slot_taken", "this slot was just booked by someone else; choose another");
        }
        k.slotId = slot.id;
        k.physicianId = slot.physicianId;
        k.scheduledAt = slot.startsAt;
    }
}
