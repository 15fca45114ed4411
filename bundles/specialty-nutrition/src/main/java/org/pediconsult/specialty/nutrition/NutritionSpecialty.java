package org.pediconsult.specialty.nutrition;

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
import org.pediconsult.specialty.nutrition.internal.AnthropometryCalculator;
import org.pediconsult.specialty.nutrition.internal.NutritionPlausibility;
import org.pediconsult.specialty.nutrition.internal.NutritionTriage;
import org.pediconsult.specialty.nutrition.internal.rules.DehydrationRule;
import org.pediconsult.specialty.nutrition.internal.rules.ModerateAcuteMalnutritionRule;
import org.pediconsult.specialty.nutrition.internal.rules.OverweightObesityRule;
import org.pediconsult.specialty.nutrition.internal.rules.SevereAcuteMalnutritionRule;
import org.pediconsult.specialty.nutrition.internal.rules.ThinnessRule;

/**
 * Nutrition (营养): acute malnutrition by the WHO 2013 guideline, overweight and obesity by the WHO
 * 2006 standards and 2007 reference, dehydration, and a small formulary of supplements. Stateless and
 * thread-safe; the WHO tables are immutable.
 */
@Component(service = Specialty.class)
public final class NutritionSpecialty implements Specialty {
    public static final String ID = "nutrition";

    private final Questionnaire questionnaire = NutritionQuestionnaire.create();
    private final List<FormularyEntry> formulary = NutritionFormulary.create();
    private final NutritionPlausibility plausibility;
    private final NutritionTriage triage;

    /** For DS: the WHO standards bundled with {@code org.pediconsult.growth.who}. */
    public NutritionSpecialty() {
        this(GrowthStandards.who());
    }

    NutritionSpecialty(GrowthStandards standards) {
        AnthropometryCalculator calculator = new AnthropometryCalculator(standards);
        this.plausibility = new NutritionPlausibility(calculator);
        this.triage = new NutritionTriage(calculator, new SevereAcuteMalnutritionRule(),
                new ModerateAcuteMalnutritionRule(), new OverweightObesityRule(), new ThinnessRule(), new DehydrationRule());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public LocalizedText name() {
        return LocalizedText.of("营养", "Nutrition");
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
                "主诉：\n膳食与喂养史：\n测量与WHO Z评分（身长/身高别体重或年龄别BMI、上臂围）：\n水肿与并发症（食欲测试、脱水）：\n"
                        + "评估（营养状况分类）：\n处理（喂养指导、补充剂）与随访计划：",
                "Complaint:\nDiet and feeding history:\nMeasurements and WHO z-scores (weight-for-length/height or BMI-for-age, MUAC):\n"
                        + "Oedema and complications (appetite test, dehydration):\nAssessment (nutritional status):\n"
                        + "Plan (feeding advice, supplements) and follow-up:");
    }

    @Override
    public CodedValue hl7Coding() {
        return new CodedValue("PED-NUTR", "Pediatric nutrition", "L");
    }
}
