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
import org.pediconsult.specialty.api.AssessmentInput;
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
    static final String EMERGENCY_FACILITY = "emergency department (急诊)";
    static final String IN_PERSON_FACILITY = "in-person pediatric clinic (儿科门诊)";

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

    ConsultationDTO submit(AuthenticatedUser user, String childId, String specialtyId, Map<String, Object> answers) {
        Specialty specialty = specialties.find(specialtyId)
                .orElseThrow(() -> new ProblemException(404, "unknown_specialty", "no specialty '" + specialtyId
                        + "' is installed; GET /api/specialties lists them", "specialtyId"));
        Instant now = clock.instant();
        Refusals.require(rules.scope.initialConsultAllowed(rules.day(now), specialtyId));
        List<FieldError> errors = validator.validate(specialty.questionnaire(), answers);
        if (!errors.isEmpty()) {
            throw new ProblemException("invalid_answers", errors);
        }
        return tx.inTransaction(c -> {
            GuardianDTO guardian = access.requireGuardian(c, user);
            access.requireChildVisible(c, user, childId);
            ChildDTO child = people.child(c, childId);
            AssessmentInput input = new AssessmentInput(sex(child.sex), child.birthDate, rules.day(now), answers);
            List<FieldError> implausible = new ArrayList<>();
            for (FieldProblem p : specialty.validate(input)) {
                implausible.add(new FieldError(p.field, p.detail));
            }
            if (!implausible.isEmpty()) {
                throw new ProblemException("invalid_answers", implausible);
            }
            TriageResult triage = specialty.triage(input);

            ConsultationStore.AssessmentRow a = new ConsultationStore.AssessmentRow();
            a.id = Ids.newId();
            a.childId = childId;
            a.specialtyId = specialtyId;
            a.questionnaireVersion = specialty.questionnaire().version;
            a.answersJson = json(answers);
            a.triageLevel = triage.level.name();
            a.triageJson = json(toDto(triage));
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
                k.referralReason = triage.reasons.stream().map(r -> r.en).collect(Collectors.joining("; "));
                k.referralFacility = triage.level == TriageLevel.EMERGENCY ? EMERGENCY_FACILITY : IN_PERSON_FACILITY;
                Map<String, Object> extra = new LinkedHashMap<>();
                extra.put("triageLevel", triage.level.name());
                extra.put("referredFrom", "TRIAGE");
                extra.put("referralReason", k.referralReason);
                extra.put("referralFacility", k.referralFacility);
                extra.put("voidPrescriptions", true);
                extra.put("billing", "NOT_BILLABLE_REFERRED_AT_TRIAGE");
                writer.write(c, k, ConsultationState.REQUESTED.name(),
                        Action.REFER_FROM_TRIAGE,
                        user.username(), now, "referred", extra);
            }
            k.triage = toDto(triage);
            k.specialtyAvailable = true;
            return k;
        });
    }

    static TriageDTO toDto(TriageResult t) {
        TriageDTO dto = new TriageDTO();
        dto.level = t.level.name();
        dto.reasons = new ArrayList<>();
        for (LocalizedText r : t.reasons) {
            dto.reasons.add(new TriageDTO.Text(r.zh, r.en));
        }
        dto.advice = t.advice == null ? null : new TriageDTO.Text(t.advice.zh, t.advice.en);
        return dto;
    }

    private static AssessmentInput.Sex sex(String sex) {
        try {
            return AssessmentInput.Sex.valueOf(sex);
        } catch (IllegalArgumentException | NullPointerException e) {
            return AssessmentInput.Sex.UNKNOWN;
        }
    }

    private static String json(Object value) {
        try {
            return TransitionWriter.JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
