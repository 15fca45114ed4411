package org.pediconsult.specialty.nutrition.internal.rules;

import java.util.Optional;

import org.pediconsult.specialty.api.Finding;
import org.pediconsult.specialty.api.LocalizedText;
import org.pediconsult.specialty.api.TriageLevel;

/**
 * Thinness from 5 to 19 years, where weight-for-height and the SAM criteria no longer apply: BMI-for-age
 * below -2 SD is thinness, below -3 SD severe thinness (WHO 2007 Growth Reference, de Onis et al.,
 * Bull WHO 2007;85:660-7; WHO AnthroPlus manual 2009). Severe thinness can mean chronic disease or
 * an eating disorder and needs an examination: IN_PERSON. Thinness: REMOTE_OK with dietary advice.
 */
public final class ThinnessRule {
    static final int FIVE_YEARS_MONTHS = 60;
    static final int NINETEEN_YEARS_MONTHS = 228;
    static final double THIN_BELOW = -2.0;
    static final double SEVERE_BELOW = -3.0;

    public Optional<Finding> evaluate(int ageMonths, Double bmiForAgeZ) {
        if (bmiForAgeZ == null || ageMonths < FIVE_YEARS_MONTHS || ageMonths > NINETEEN_YEARS_MONTHS
                || bmiForAgeZ >= THIN_BELOW) {
            return Optional.empty();
        }
        if (bmiForAgeZ < SEVERE_BELOW) {
            return Optional.of(new Finding(TriageLevel.IN_PERSON,
                    LocalizedText.of("重度消瘦（年龄别BMI Z评分低于-3）", "severe thinness (BMI-for-age below -3 SD)"),
                    LocalizedText.of("请在一周内到儿科门诊面诊，排查慢性疾病或进食障碍",
                            "see a pediatrician in person within a week to look for a chronic illness or an eating disorder")));
        }
        return Optional.of(new Finding(TriageLevel.REMOTE_OK,
                LocalizedText.of("消瘦（年龄别BMI Z评分低于-2）", "thinness (BMI-for-age below -2 SD)"),
                LocalizedText.of("可在线问诊：医生将给予饮食指导，并建议1个月后复测",
                        "suitable for an online consult: the physician will advise on diet; re-measure in a month")));
    }
}
