package org.pediconsult.specialty.growth;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.pediconsult.growth.who.GrowthStandards;
import org.pediconsult.specialty.api.AssessmentInput;
import org.pediconsult.specialty.api.CodedValue;
import org.pediconsult.specialty.api.FieldProblem;
import org.pediconsult.specialty.api.FormularyEntry;
import org.pediconsult.specialty.api.LocalizedText;
import org.pediconsult.specialty.api.Questionnaire;
import org.pediconsult.specialty.api.Specialty;
import org.pediconsult.specialty.api.TriageResult;
import org.pediconsult.specialty.growth.internal.AnthropometricFindings;
import org.pediconsult.specialty.growth.internal.ChildZScores;
import org.pediconsult.specialty.growth.internal.GrowthAdvice;
import org.pediconsult.specialty.growth.internal.GrowthTriage;
import org.pediconsult.specialty.growth.internal.MeasurementPlausibility;
import org.pediconsult.specialty.growth.internal.rules.CentileCrossingRule;
import org.pediconsult.specialty.growth.internal.rules.DevelopmentalRegressionRule;
import org.pediconsult.specialty.growth.internal.rules.EarlyPubertyRule;
import org.pediconsult.specialty.growth.internal.rules.ExtremeHeightRule;
import org.pediconsult.specialty.growth.internal.rules.HeadCircumferenceRule;
import org.pediconsult.specialty.growth.internal.rules.SeizuresReportedRule;

/**
 * Growth and development (生长发育): dated measurements judged against the WHO 2006 Child Growth
 * Standards and the WHO 2007 Growth Reference, puberty timing and developmental red flags. Stateless
 * and thread-safe; the WHO tables are immutable.
 */
@Component(service = Specialty.class)
public final class GrowthSpecialty implements Specialty {
    public static final String ID = "growth-development";

    private final Questionnaire questionnaire = GrowthQuestionnaire.create();
    private final List<FormularyEntry> formulary = GrowthFormulary.create();
    private final MeasurementPlausibility plausibility;
    private final GrowthTriage triage;

    /** For DS: the WHO standards bundled with {@code org.pediconsult.growth.who}. */
    public GrowthSpecialty() {
        this(GrowthStandards.who());
    }

    GrowthSpecialty(GrowthStandards standards) {
        ChildZScores zScores = new ChildZScores(standards);
        AnthropometricFindings anthropometry = new AnthropometricFindings(zScores, new ExtremeHeightRule(),
                new CentileCrossingRule(), new HeadCircumferenceRule());
        this.plausibility = new MeasurementPlausibility(zScores);
        this.triage = new GrowthTriage(anthropometry, new EarlyPubertyRule(), new DevelopmentalRegressionRule(),
                new SeizuresReportedRule(), new GrowthAdvice(anthropometry));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public LocalizedText name() {
        return LocalizedText.of("生长发育", "Growth & development");
    }

    @Override
    public Questionnaire questionnaire() {
        return questionnaire;
    }

    @Override
    public List<FieldProblem> validate(AssessmentInput assessment) {
        return plausibility.check(assessment);
    }

    @Override
    public TriageResult triage(AssessmentInput assessment) {
        return triage.triage(assessment);
    }

    @Override
    public List<FormularyEntry> formulary() {
        return formulary;
    }

    @Override
    public LocalizedText noteTemplate() {
        return LocalizedText.of(
                "主诉：\n生长测量与WHO Z评分（体重、身长/身高、BMI、头围；生长曲线走势）：\n父母身高与遗传靶身高：\n"
                        + "青春期发育（Tanner分期）：\n发育里程碑：\n评估：\n处理与随访计划：",
                "Complaint:\nMeasurements and WHO z-scores (weight, length/height, BMI, head; course on the chart):\n"
                        + "Parents' heights and mid-parental target:\nPuberty (Tanner stage):\nMilestones:\nAssessment:\n"
                        + "Plan and follow-up:");
    }

    @Override
    public CodedValue hl7Coding() {
        return new CodedValue("PED-GROWTH", "Pediatric growth and development", "L");
    }
}
