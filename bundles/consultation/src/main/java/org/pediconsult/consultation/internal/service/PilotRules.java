package org.pediconsult.consultation.internal.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.pediconsult.consultation.internal.rules.ConsultationStateMachine;
import org.pediconsult.consultation.internal.rules.GuardianPresenceGate;
import org.pediconsult.consultation.internal.rules.IndependentPracticeRule;
import org.pediconsult.consultation.internal.rules.PhysicianEligibility;
import org.pediconsult.consultation.internal.rules.PilotScope;

/**
 * The pilot's rules as configured, and the pilot's calendar (days in its time zone). The scope is
 * live: {@link #update} swaps in a new snapshot when the configuration changes (the workflow's
 * {@code @Modified}), and every decision reads the snapshot of its moment; nothing restarts.
 */
final class PilotRules {
    /** One consistent scope: window, institutions, specialties and calendar are never mixed across updates. */
    record Snapshot(PilotScope scope, PhysicianEligibility eligibility, ZoneId zone) {
        static Snapshot of(ConsultationConfig config) {
            PilotScope scope = PilotScope.parse(config.pilot_start(), config.pilot_end(), config.pilot_institutions(),
                    config.pilot_specialties(), config.specialties_retired());
            return new Snapshot(scope, new PhysicianEligibility(scope, new IndependentPracticeRule()),
                    ZoneId.of(config.pilot_zone().trim()));
        }
    }

    final GuardianPresenceGate guardianGate = new GuardianPresenceGate();
    final ConsultationStateMachine machine = new ConsultationStateMachine();
    private volatile Snapshot current;

    PilotRules(ConsultationConfig config) {
        this.current = Snapshot.of(config);
    }

    /** Parses the new configuration and answers the snapshot it replaced; a bad one throws and changes nothing. */
    Snapshot update(ConsultationConfig config) {
        Snapshot next = Snapshot.of(config);
        Snapshot previous = current;
        current = next;
        return previous;
    }

    Snapshot snapshot() {
        return current;
    }

    PilotScope scope() {
        return current.scope();
    }

    PhysicianEligibility eligibility() {
        return current.eligibility();
    }

    ZoneId zone() {
        return current.zone();
    }

    LocalDate day(Instant instant) {
        return instant.atZone(current.zone()).toLocalDate();
    }
}
