package org.pediconsult.specialty.nutrition.internal.rules;

import java.util.Optional;

import org.pediconsult.specialty.api.Finding;
import org.pediconsult.specialty.api.LocalizedText;
import org.pediconsult.specialty.api.TriageLevel;

/**
 * Overweight and obesity. Under 5 years (WHO 2006 Child Growth Standards): weight-for-length/height
 * above +2 SD is overweight, above +3 SD obese (BMI-for-age with the same cut-offs when
 * weight-for-length/height cannot be computed, as WHO allows either). From 5 to 19 years (WHO 2007
 * Growth Reference, de Onis et al., Bull WHO 2007;85:660-7): BMI-for-age above +1 SD is overweight,
 * above +2 SD obese. Counselling on diet, activity and sleep can start online: REMOTE_OK with advice.
 */
public final class OverweightObesityRule {
    static final int FIVE_YEARS_MONTHS = 60;
    static final int NINETEEN_YEARS_MONTHS = 228;
    static final double UNDER_FIVE_OVERWEIGHT = 2.0;
    static final double UNDER_FIVE_OBESE = 3.0;
    static final double SCHOOL_AGE_OVERWEIGHT = 1.0;
    static final double SCHOOL_AGE_OBESE = 2.0;

    public Optional<Finding> evaluate(int ageMonths, Double weightForLengthHeightZ, Double bmiForAgeZ) {
        if (ageMonths < FIVE_YEARS_MONTHS) {
            Double z = weightForLengthHeightZ != null ? weightForLengthHeightZ : bmiForAgeZ;
            String zh = weightForLengthHeightZ != null ? "身长/身高别体重" : "年龄别BMI";
            String en = weightForLengthHeightZ != null ? "weight-for-length/height" : "BMI-for-age";
            return classify(z, UNDER_FIVE_OVERWEIGHT, UNDER_FIVE_OBESE, zh, en);
        }
        if (ageMonths <= NINETEEN_YEARS_MONTHS) {
            return classify(bmiForAgeZ, SCHOOL_AGE_OVERWEIGHT, SCHOOL_AGE_OBESE, "年龄别BMI", "BMI-for-age");
        }
        return Optional.empty();
    }

    private static Optional<Finding> classify(Double z, double overweight, double obese, String zh, String en) {
        if (z == null || z <= overweight) {
            return Optional.empty();
        }
        boolean isObese = z > obese;
        String cut = isObese ? fmt(obese) : fmt(overweight);
        return Optional.of(new Finding(TriageLevel.REMOTE_OK,
                isObese ? LocalizedText.of("肥胖（" + zh + "Z评分高于" + cut + "）", "obesity (" + en + " above " + cut + " SD)")
                        : LocalizedText.of("超重（" + zh + "Z评分高于" + cut + "）", "overweight (" + en + " above " + cut + " SD)"),
                LocalizedText.of("可在线问诊：医生将给予饮食、运动和睡眠指导，并建议3个月后复测",
                        "suitable for an online consult: the physician will advise on diet, activity and sleep; re-measure in 3 months")));
    }

    private static String fmt(double cut) {
        return "+" + (int) cut;
    }
}
