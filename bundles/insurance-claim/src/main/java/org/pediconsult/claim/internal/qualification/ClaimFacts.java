package org.pediconsult.claim.internal.qualification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

import org.pediconsult.claim.api.CoverageDTO;
import org.pediconsult.consultation.api.ConsultationState;
import org.pediconsult.consultation.api.dto.ConsultationDTO;
import org.pediconsult.consultation.api.dto.ConsultationRecord;
import org.pediconsult.consultation.api.dto.PhysicianDTO;

/**
 * What the qualification rules look at, taken from a consultation record and the child's coverage.
 *
 * @param state               the consultation's state
 * @param kind                {@code INITIAL} or {@code FOLLOW_UP} (anything but INITIAL is priced as a follow-up)
 * @param day                 the consultation's day: the completion day, or for a consultation that ended otherwise
 *                            (referred, cancelled, no-show) the day it ended; null when unknown
 * @param institution         the physician's institution, null without a physician
 * @param specialty           the consultation's specialty id
 * @param physicianWhitelisted the physician is on the pilot white-list (false without a physician)
 * @param practiceSince       the day the physician's independent practice began, null when unknown
 * @param guardianAttested    the physician attested the guardian's presence
 * @param coverage            the child's coverage, null when none is known
 */
public record ClaimFacts(ConsultationState state, String kind, LocalDate day, String institution, String specialty,
                         boolean physicianWhitelisted, LocalDate practiceSince, boolean guardianAttested,
                         CoverageDTO coverage) {
    public static final String INITIAL = "INITIAL";
    public static final String FOLLOW_UP = "FOLLOW_UP";

    public ClaimFacts {
        Objects.requireNonNull(state, "state");
    }

    /** True for an initial consultation (the only kind a first-visit code is claimed for). */
    public boolean initial() {
        return INITIAL.equals(kind);
    }

    /**
     * The facts of {@code record} with {@code coverage} (may be null); the instants are turned into days in
     * {@code zone} (the hospital's zone). The day is {@code completedAt}, else (a consultation that did not
     * complete) {@code updatedAt}, the day it reached its state.
     */
    public static ClaimFacts of(ConsultationRecord record, CoverageDTO coverage, ZoneId zone) {
        ConsultationDTO c = record.consultation;
        PhysicianDTO p = record.physician;
        Instant at = c.completedAt != null ? c.completedAt : c.updatedAt;
        LocalDate day = at == null ? null : LocalDate.ofInstant(at, zone);
        return new ClaimFacts(ConsultationState.valueOf(c.state), c.kind, day, p == null ? null : p.institution,
                c.specialtyId, p != null && p.whitelisted, p == null ? null : p.practiceSince,
                c.guardianAttestedAt != null, coverage);
    }
}
