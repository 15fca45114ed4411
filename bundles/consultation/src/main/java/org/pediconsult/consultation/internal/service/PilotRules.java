package org.pediconsult.consultation.internal.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.pediconsult.consultation.internal.rules.ConsultationStateMachine;
import org.pediconsult.consultation.internal.rules.GuardianPresenceGate;
import org.pediconsult.consultation.internal.rules.IndependentPracticeRule;
import org.pediconsult.consultation.internal.rules.PhysicianEligibility;
import org.pediconsult.consultation.internal.rules.PilotScope;

/** The pilot's rules as configured, and the pilot's calendar (days in its time zone). */
final class PilotRules {
    final PilotScope scope;
    final PhysicianEligibility eligibility;
    final GuardianPresenceGate guardianGate = new GuardianPresenceGate();
    final ConsultationStateMachine machine = new ConsultationStateMachine();
    final ZoneId zone;

    PilotRules(ConsultationConfig config) {
        this.scope = PilotScope.parse(config.pilot_start(), config.pilot_end(), config.pilot_institutions(),
                config.pilot_specialties());
        this.eligibility = new PhysicianEligibility(scope, new IndependentPracticeRule());
        this.zone = ZoneId.of(config.pilot_zone());
    }

    LocalDate day(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }
}
