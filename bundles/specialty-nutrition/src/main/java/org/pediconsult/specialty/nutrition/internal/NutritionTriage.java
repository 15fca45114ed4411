package org.pediconsult.specialty.nutrition.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.pediconsult.growth.who.Sex;
import org.pediconsult.specialty.api.AssessmentInput;
import org.pediconsult.specialty.api.Finding;
import org.pediconsult.specialty.api.LocalizedText;
import org.pediconsult.specialty.api.TriageResult;
import org.pediconsult.specialty.nutrition.internal.rules.DehydrationRule;
import org.pediconsult.specialty.nutrition.internal.rules.ModerateAcuteMalnutritionRule;
import org.pediconsult.specialty.nutrition.internal.rules.OverweightObesityRule;
import org.pediconsult.specialty.nutrition.internal.rules.SevereAcuteMalnutritionRule;
import org.pediconsult.specialty.nutrition.internal.rules.ThinnessRule;

/**
 * The nutrition triage: acute malnutrition (WHO 2013), overweight and obesity (WHO 2006/2007),
 * thinness (WHO 2007) and dehydration. For a child recorded as neither male nor female the
 * anthropometric rules run against both WHO standards and a flag from either counts. Moderate
 * malnutrition is not reported when the child has SAM. The most urgent finding wins and every
 * reason is listed ({@link TriageSummary}).
 */
public final class NutritionTriage {
    private final AnthropometryCalculator calculator;
    private final SevereAcuteMalnutritionRule severe;
    private final ModerateAcuteMalnutritionRule moderate;
    private final OverweightObesityRule overweight;
    private final ThinnessRule thinness;
    private final DehydrationRule dehydration;

    public NutritionTriage(AnthropometryCalculator calculator, SevereAcuteMalnutritionRule severe,
                           ModerateAcuteMalnutritionRule moderate, OverweightObesityRule overweight,
                           ThinnessRule thinness, DehydrationRule dehydration) {
        this.calculator = calculator;
        this.severe = severe;
        this.moderate = moderate;
        this.overweight = overweight;
        this.thinness = thinness;
        this.dehydration = dehydration;
    }

    public TriageResult triage(AssessmentInput a) {
        NutritionAnswers n = NutritionAnswers.of(a);
        List<Sex> sexes = ReferenceSexes.of(a.sex);
        List<Finding> findings = new ArrayList<>();
        Anthropometry shown = null;
        for (Sex sex : sexes) {
            Anthropometry x = calculator.of(sex, a.birthDate, n);
            shown = x;
            Optional<Finding> sam = severe.evaluate(x.ageMonths(), x.weightForLengthHeightZ(), n.muacMm(),
                    n.bilateralOedema(), n.appetiteTestFailed(), n.dehydrationSigns());
            if (sam.isPresent()) {
                findings.add(sam.get());
            } else {
                moderate.evaluate(x.ageMonths(), x.weightForLengthHeightZ(), n.muacMm()).ifPresent(findings::add);
            }
            overweight.evaluate(x.ageMonths(), x.weightForLengthHeightZ(), x.bmiForAgeZ()).ifPresent(findings::add);
            thinness.evaluate(x.ageMonths(), x.bmiForAgeZ()).ifPresent(findings::add);
        }
        dehydration.evaluate(n.dehydrationSigns(), n.diarrhoeaDays()).ifPresent(findings::add);
        return TriageResult.mostUrgent(findings, nothingFound(sexes.size() == 1 ? shown : null));
    }

    /** REMOTE_OK advice with the z-scores in words when the sex is known (the standards are sex-specific). */
    private static LocalizedText nothingFound(Anthropometry x) {
        StringBuilder zh = new StringBuilder();
        StringBuilder en = new StringBuilder();
        if (x != null && x.weightForLengthHeightZ() != null) {
            zh.append("身长/身高别体重Z评分 ").append(fmt(x.weightForLengthHeightZ())).append("；");
            en.append("weight-for-length/height z-score ").append(fmt(x.weightForLengthHeightZ())).append("; ");
        } else if (x != null && x.bmiForAgeZ() != null) {
            zh.append("年龄别BMI Z评分 ").append(fmt(x.bmiForAgeZ())).append("；");
            en.append("BMI-for-age z-score ").append(fmt(x.bmiForAgeZ())).append("; ");
        }
        return LocalizedText.of(zh.append("未发现营养不良、超重或脱水的警示征象，可以在线问诊").toString(),
                en.append("no sign of malnutrition, overweight or dehydration found: suitable for an online consult").toString());
    }

    private static String fmt(double z) {
        double rounded = Math.round(z * 10) / 10.0;
        return rounded == 0 ? "0.0" : String.format(Locale.ROOT, "%+.1f", rounded);
    }
}
