package org.pediconsult.consultation.internal.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.pediconsult.consultation.api.ConsultationState;
import org.pediconsult.consultation.api.dto.ChildDTO;
import org.pediconsult.consultation.api.dto.ConsultationDTO;
import org.pediconsult.consultation.api.dto.GuardianDTO;
import org.pediconsult.consultation.api.dto.TriageDTO;
import org.pediconsult.consultation.internal.rules.ConsultationStateMachine.Action;
import org.pediconsult.consultation.internal.store.ConsultationStore;
import org.pediconsult.consultation.internal.store.PeopleStore;
import org.pediconsult.platform.api.data.Tx;
import org.pediconsult.platform.api.Ids;
import org.pediconsult.platform.api.Problem.FieldError;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.AuditTrail;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import java.time.LocalDate;

import org.pediconsult.specialty.api.AssessmentInput;
import org.pediconsult.specialty.api.ChildContext;
import org.pediconsult.specialty.api.Destination;
import org.pediconsult.specialty.api.Respondent;
import org.pediconsult.specialty.api.Score;
import org.pediconsult.specialty.api.FieldProblem;
import org.pediconsult.specialty.api.LocalizedText;
import org.pediconsult.specialty.api.Specialty;
import org.pediconsult.specialty.api.TriageLevel;
import org.pediconsult.specialty.api.TriageResult;

/**
 * A guardian's pre-consultation assessment: validated against the chosen specialty's
 * questionnaire, triaged by the specialty's rules, stored with the triage and its reasons, and
 * opened as a consultation: ASSESSED when it may go on online, REFERRED (with the advice and the
 * facility kind) when triage says IN_PERSON or EMERGENCY.
 */
final class AssessmentIntake {
    private final Tx tx;
    private final PeopleStore people;
    private final ConsultationStore store;
    private final Access access;
    private final SpecialtyRegistry specialties;
    private final PilotRules rules;
    private final TransitionWriter writer;
    private final AuditTrail audit;
    private final Clock clock;
    private final QuestionnaireValidator validator = new QuestionnaireValidator();
    private final ChildContexts contexts = new ChildContexts();

    AssessmentIntake(Tx tx, PeopleStore people, ConsultationStore store, Access access, SpecialtyRegistry specialties,
                     PilotRules rules, TransitionWriter writer, AuditTrail audit, Clock clock) {
        this.tx = tx;
        this.people = people;
        this.store = store;
        this.access = access;
        this.specialties = specialties;
        this.rules = rules;
        this.writer = writer;
        this.audit = audit;
        this.clock = clock;
    }

    ConsultationDTO submit(AuthenticatedUser user, String childId, String specialtyId, Map<String, Object> answers,
                           String respondentName) {
        Specialty specialty = specialties.find(specialtyId)
                .orElseThrow(() -> new ProblemException(404, "unknown_specialty", "no specialty '" + specialtyId
                        + "' is installed; GET /api/specialties lists them", "specialtyId"));
        Respondent respondent = respondent(respondentName);
        Instant now = clock.instant();
        PilotRules.Snapshot scope = rules.snapshot();
        LocalDate day = now.atZone(scope.zone()).toLocalDate();
        Refusals.require(scope.scope().initialConsultAllowed(day, specialtyId));
        return tx.inTransaction(c -> {
            GuardianDTO guardian = access.requireGuardian(c, user);
            access.requireChildVisible(c, user, childId);
            ChildDTO child = people.child(c, childId);
            ChildContext context = contexts.build(c, child, specialtyId, day, scope.zone(), respondent);
            audit.record(c, new AuditEntry(user.username(), AuditEntry.Action.READ, "child-context", specialtyId, childId,
                    context.measurements.size() + " measurements, " + context.observations.size() + " observations, "
                            + context.earlier.size() + " earlier consultations to " + specialtyId));
            List<FieldError> errors = validator.validate(specialty.questionnaire(), answers, context.ageInMonths());
            if (!errors.isEmpty()) {
                throw new ProblemException("invalid_answers", errors);
            }
            AssessmentInput input = new AssessmentInput(context, answers);
            List<FieldError> implausible = new ArrayList<>();
            for (FieldProblem p : specialty.validate(input)) {
                implausible.add(new FieldError(p.field, p.detail, p.message == null ? null : p.message.zh));
            }
            if (!implausible.isEmpty()) {
                throw new ProblemException("invalid_answers", implausible);
            }
            TriageResult triage = specialty.triage(input);
            List<Score> scores = specialty.scores(input);
            TriageDTO triageDto = toDto(triage, scores, respondent);

            ConsultationStore.AssessmentRow a = new ConsultationStore.AssessmentRow();
            a.id = Ids.newId();
            a.childId = childId;
            a.specialtyId = specialtyId;
            a.questionnaireVersion = specialty.questionnaire().version;
            a.answersJson = json(answers);
            a.triageLevel = triage.level.name();
            a.triageJson = json(triageDto);
            a.submittedBy = user.username();
            a.submittedAt = now;
            store.insertAssessment(c, a);
            audit.record(c, new AuditEntry(user.username(), AuditEntry.Action.CREATE, "assessment", a.id, childId,
                    specialtyId + " triage " + triage.level));

            ConsultationDTO k = new ConsultationDTO();
            k.id = Ids.newId();
            k.childId = childId;
            k.guardianId = guardian.id;
            k.specialtyId = specialtyId;
            k.assessmentId = a.id;
            k.kind = "INITIAL";
            k.state = ConsultationState.REQUESTED.name();
            k.createdAt = now;
            k.updatedAt = now;
            k.version = 0;
            store.insert(c, k);
            writer.record(c, k, null, "REQUEST", user.username(), now, "registered", null);

            if (triage.level == TriageLevel.REMOTE_OK) {
                k.state = Refusals.next(rules.machine, k.state, Action.ASSESS_REMOTE_OK).name();
                writer.write(c, k, ConsultationState.REQUESTED.name(),
                        Action.ASSESS_REMOTE_OK,
                        user.username(), now, "assessed", Map.of("triageLevel", triage.level.name()));
            } else {
                k.state = Refusals.next(rules.machine, k.state, Action.REFER_FROM_TRIAGE).name();
                Destination destination = triage.effectiveDestination();
                k.referralReason = cap(triage.reasons.stream().map(r -> r.en).collect(Collectors.joining("; ")), 1000);
                k.referralFacility = cap(destination.facility.en + " (" + destination.facility.zh + ")", 200);
                k.referralReasonZh = cap(triage.reasons.stream().map(r -> r.zh).collect(Collectors.joining("；")), 1000);
                k.referralFacilityZh = cap(destination.facility.zh, 200);
                k.referralUrgency = triage.effectiveUrgency() == null ? null : triage.effectiveUrgency().name();
                k.referralDestination = destination.type.name();
                Map<String, Object> extra = new LinkedHashMap<>();
                extra.put("triageLevel", triage.level.name());
                extra.put("referredFrom", "TRIAGE");
                extra.put("referralReason", k.referralReason);
                extra.put("referralFacility", k.referralFacility);
                extra.put("destinationType", destination.type.name());
                if (triage.effectiveUrgency() != null) {
                    extra.put("referralUrgency", triage.effectiveUrgency().name());
                }
                extra.put("voidPrescriptions", true);
                extra.put("billing", "NOT_BILLABLE_REFERRED_AT_TRIAGE");
                writer.write(c, k, ConsultationState.REQUESTED.name(),
                        Action.REFER_FROM_TRIAGE,
                        user.username(), now, "referred", extra);
            }
            k.triage = forGuardian(triageDto);
            k.specialtyAvailable = true;
            return k;
        });
    }

    static TriageDTO toDto(TriageResult t, List<Score> scores, Respondent respondent) {
        TriageDTO dto = new TriageDTO();
        dto.level = t.level.name();
        dto.reasons = new ArrayList<>();
        for (LocalizedText r : t.reasons) {
            dto.reasons.add(text(r));
        }
        dto.advice = text(t.advice);
        dto.urgency = t.effectiveUrgency() == null ? null : t.effectiveUrgency().name();
        Destination d = t.effectiveDestination();
        if (d != null) {
            dto.destination = new TriageDTO.Destination();
            dto.destination.type = d.type.name();
            dto.destination.facility = text(d.facility);
        }
        dto.respondent = respondent.name();
        dto.scores = new ArrayList<>();
        for (Score s : scores == null ? List.<Score>of() : scores) {
            TriageDTO.Score out = new TriageDTO.Score();
            out.id = s.id();
            out.name = text(s.name());
            if (s.code() != null) {
                out.code = new TriageDTO.Code();
                out.code.code = s.code().code;
                out.code.text = s.code().text;
                out.code.system = s.code().codingSystem;
            }
            out.value = s.value();
            out.max = s.max();
            out.interpretation = text(s.interpretation());
            out.answered = s.answered();
            out.items = s.items();
            dto.scores.add(out);
        }
        return dto;
    }

    /** What a guardian is sent of a triage: everything but the instruments' scores (for the physician). */
    static TriageDTO forGuardian(TriageDTO t) {
        if (t == null || t.scores == null) {
            return t;
        }
        TriageDTO copy = new TriageDTO();
        copy.level = t.level;
        copy.reasons = t.reasons;
        copy.advice = t.advice;
        copy.urgency = t.urgency;
        copy.destination = t.destination;
        copy.respondent = t.respondent;
        copy.scores = null;
        return copy;
    }

    private static TriageDTO.Text text(LocalizedText t) {
        return t == null ? null : new TriageDTO.Text(t.zh, t.en);
    }

    private static Respondent respondent(String name) {
        if (name == null) {
            return Respondent.GUARDIAN;
        }
        try {
            return Respondent.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("respondent", "respondent must be GUARDIAN or CHILD");
        }
    }

    private static String cap(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static String json(Object value) {
        try {
            return TransitionWriter.JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
