package org.pediconsult.specialty.mentalhealth;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.pediconsult.specialty.api.AssessmentInput;
import org.pediconsult.specialty.api.CodedValue;
import org.pediconsult.specialty.api.FieldProblem;
import org.pediconsult.specialty.api.FormularyEntry;
import org.pediconsult.specialty.api.LocalizedText;
import org.pediconsult.specialty.api.Questionnaire;
import org.pediconsult.specialty.api.Score;
import org.pediconsult.specialty.api.Specialty;
import org.pediconsult.specialty.api.TriageResult;
import org.pediconsult.specialty.mentalhealth.internal.MentalHealthQuestionnaire;
import org.pediconsult.specialty.mentalhealth.internal.MentalHealthScores;
import org.pediconsult.specialty.mentalhealth.internal.MentalHealthValidation;
import org.pediconsult.specialty.mentalhealth.internal.ScreeningAnswers;
import org.pediconsult.specialty.mentalhealth.internal.triage.AcuteSuicideRiskRule;
import org.pediconsult.specialty.mentalhealth.internal.triage.MentalHealthTriage;
import org.pediconsult.specialty.mentalhealth.internal.triage.RecentCrisisRule;
import org.pediconsult.specialty.mentalhealth.internal.triage.SevereDepressionRule;
import org.pediconsult.specialty.mentalhealth.internal.triage.SuicideRiskRule;

/**
 * Child and adolescent mental health screening (儿童青少年心理健康筛查): the PHQ-9 modified for
 * teens (12 to &lt;18 years), the NIMH ASQ (10 to &lt;18 years), guardian questions under 10 years,
 * and a suicide-risk triage with a crisis path. A post-pilot specialty: installed, offered only when
 * the pilot scope lists {@code mental-health}. Stateless and thread-safe; logs nothing.
 */
@Component(service = Specialty.class)
public final class MentalHealthSpecialty implements Specialty {
    public static final String ID = "mental-health";

    private final Questionnaire questionnaire = MentalHealthQuestionnaire.create();
    private final MentalHealthValidation validation = new MentalHealthValidation();
    private final MentalHealthScores scores = new MentalHealthScores();
    private final MentalHealthTriage triage = new MentalHealthTriage(new AcuteSuicideRiskRule(), new SuicideRiskRule(),
            new RecentCrisisRule(), new SevereDepressionRule());

    @Override
    public String id() {
        return ID;
    }

    @Override
    public LocalizedText name() {
        return LocalizedText.of("儿童青少年心理健康筛查", "Child and adolescent mental health screening");
    }

    @Override
    public Questionnaire questionnaire() {
        return questionnaire;
    }

    @Override
    public List<FieldProblem> validate(AssessmentInput assessment) {
        return validation.check(assessment);
    }

    @Override
    public List<Score> scores(AssessmentInput assessment) {
        return scores.scores(ScreeningAnswers.of(assessment, questionnaire.questions));
    }

    @Override
    public TriageResult triage(AssessmentInput assessment) {
        return triage.triage(assessment, ScreeningAnswers.of(assessment, questionnaire.questions));
    }

    /**
     * None. A screening consult prescribes nothing online: antidepressants for a young person need an
     * in-person psychiatric assessment and close follow-up (GLAD-PC Part II; the boxed warning on
     * suicidality), several psychotropics are controlled (never prescribed online by the platform), and
     * a medicine supply at home is itself a means of self-harm.
     */
    @Override
    public List<FormularyEntry> formulary() {
        return List.of();
    }

    @Override
    public LocalizedText noteTemplate() {
        return LocalizedText.of(
                "主诉与担心（持续时间）：\n情绪、睡眠、学习与社交功能：\n筛查结果（PHQ-A总分与分级、ASQ结果）：\n"
                        + "自杀风险与安全评估（念头、计划、既往尝试、可获得的危险物品、保护因素）：\n评估：\n"
                        + "处理与转诊（精神心理门诊、急诊）、安全计划与随访：",
                "Complaint and concerns (duration):\nMood, sleep, school and social functioning:\n"
                        + "Screening results (PHQ-A total and band, ASQ result):\n"
                        + "Suicide risk and safety (thoughts, plan, past attempts, access to means, protective factors):\n"
                        + "Assessment:\nPlan and referral (mental health clinic, emergency department), safety plan and follow-up:");
    }

    @Override
    public CodedValue hl7Coding() {
        return new CodedValue("PED-MH", "Child and adolescent mental health", "L");
    }
}
