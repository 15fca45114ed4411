package org.pediconsult.specialty.nutrition.internal.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.pediconsult.specialty.api.Finding;
import org.pediconsult.specialty.api.LocalizedText;
import org.pediconsult.specialty.api.TriageLevel;
import org.pediconsult.specialty.nutrition.internal.MuacAgeWindow;

/**
 * Severe acute malnutrition as the WHO 2013 guideline "Updates on the management of severe acute
 * malnutrition in infants and children" defines it: weight-for-length/height below -3 SD (WHO 2006
 * standards, under 5 years), or MUAC below 115 mm at 6-59 months, or bilateral pitting oedema.
 * A child with SAM needs an in-person assessment for outpatient therapeutic feeding at least
 * (IN_PERSON). It is complicated, and the guideline admits the child as an inpatient, when the
 * appetite test fails, there is a medical complication (here: signs of dehydration) or there is
 * bilateral oedema: EMERGENCY. Cut-offs are strict ("below"): WHZ -3.00 and MUAC 115 mm are moderate.
 */
public final class SevereAcuteMalnutritionRule {
    static final double WHZ_BELOW = -3.0;
    static final int MUAC_BELOW_MM = 115;
    static final int WHZ_UNDER_MONTHS = 60;

    /**
     * @param weightForLengthHeightZ null when not computable
     * @param muacMm null when not measured; used only at 6-59 months
     */
    public Optional<Finding> evaluate(int ageMonths, Double weightForLengthHeightZ, Integer muacMm,
                                      boolean bilateralOedema, boolean appetiteTestFailed, boolean dehydrationSigns) {
        List<LocalizedText> criteria = new ArrayList<>();
        if (weightForLengthHeightZ != null && ageMonths < WHZ_UNDER_MONTHS && weightForLengthHeightZ < WHZ_BELOW) {
            criteria.add(LocalizedText.of("身长/身高别体重Z评分低于-3", "weight-for-length/height below -3 SD"));
        }
        if (muacMm != null && MuacAgeWindow.applies(ageMonths) && muacMm < MUAC_BELOW_MM) {
            criteria.add(LocalizedText.of("上臂围低于115毫米", "MUAC below 115 mm"));
        }
        if (bilateralOedema) {
            criteria.add(LocalizedText.of("双侧凹陷性水肿", "bilateral pitting oedema"));
        }
        if (criteria.isEmpty()) {
            return Optional.empty();
        }
        if (appetiteTestFailed) {
            criteria.add(LocalizedText.of("食欲测试未通过", "appetite test failed"));
        }
        if (dehydrationSigns) {
            criteria.add(LocalizedText.of("有脱水体征", "signs of dehydration"));
        }
        if (bilateralOedema || appetiteTestFailed || dehydrationSigns) {
            return Optional.of(new Finding(TriageLevel.EMERGENCY,
                    describe("复杂性重度急性营养不良", "complicated severe acute malnutrition", criteria),
                    LocalizedText.of("请立即前往急诊，需住院治疗", "go to an emergency department now: inpatient treatment is needed")));
        }
        return Optional.of(new Finding(TriageLevel.IN_PERSON,
                describe("重度急性营养不良", "severe acute malnutrition", criteria),
                LocalizedText.of("请在48小时内到儿科或营养门诊面诊，评估门诊治疗性喂养",
                        "see a pediatric or nutrition clinic in person within 48 hours to start outpatient therapeutic feeding")));
    }

    private static LocalizedText describe(String zh, String en, List<LocalizedText> criteria) {
        StringBuilder z = new StringBuilder(zh).append('（');
        StringBuilder e = new StringBuilder(en).append(" (");
        for (int i = 0; i < criteria.size(); i++) {
            z.append(i == 0 ? "" : "，").append(criteria.get(i).zh);
            e.append(i == 0 ? "" : ", ").append(criteria.get(i).en);
        }
        return LocalizedText.of(z.append('）').toString(), e.append(')').toString());
    }
}
