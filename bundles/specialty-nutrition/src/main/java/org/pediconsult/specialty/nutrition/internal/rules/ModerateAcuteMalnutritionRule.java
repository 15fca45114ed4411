package org.pediconsult.specialty.nutrition.internal.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.pediconsult.specialty.api.Finding;
import org.pediconsult.specialty.api.LocalizedText;
import org.pediconsult.specialty.api.TriageLevel;
import org.pediconsult.specialty.nutrition.internal.MuacAgeWindow;

/**
 * Moderate acute malnutrition (WHO 2013 SAM guideline and WHO 2012 technical note on supplementary
 * foods for MAM): weight-for-length/height from -3 SD (inclusive) to below -2 SD under 5 years, or
 * MUAC from 115 mm (inclusive) to below 125 mm at 6-59 months. Managed with dietary counselling,
 * nutrient-dense or supplementary food and follow-up, which an online consult can start:
 * REMOTE_OK with advice. The triage does not apply it when the child has SAM.
 */
public final class ModerateAcuteMalnutritionRule {
    static final double WHZ_FROM = -3.0;
    static final double WHZ_BELOW = -2.0;
    static final int MUAC_FROM_MM = 115;
    static final int MUAC_BELOW_MM = 125;
    static final int WHZ_UNDER_MONTHS = 60;

    public Optional<Finding> evaluate(int ageMonths, Double weightForLengthHeightZ, Integer muacMm) {
        List<String> zh = new ArrayList<>();
        List<String> en = new ArrayList<>();
        if (weightForLengthHeightZ != null && ageMonths < WHZ_UNDER_MONTHS
                && weightForLengthHeightZ >= WHZ_FROM && weightForLengthHeightZ < WHZ_BELOW) {
            zh.add("身长/身高别体重Z评分在-3至-2之间");
            en.add("weight-for-length/height from -3 to below -2 SD");
        }
        if (muacMm != null && MuacAgeWindow.applies(ageMonths) && muacMm >= MUAC_FROM_MM && muacMm < MUAC_BELOW_MM) {
            zh.add("上臂围115至124毫米");
            en.add("MUAC 115 to 124 mm");
        }
        if (zh.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Finding(TriageLevel.REMOTE_OK,
                LocalizedText.of("中度急性营养不良（" + String.join("，", zh) + "）",
                        "moderate acute malnutrition (" + String.join(", ", en) + ")"),
                LocalizedText.of("可在线问诊：医生将给予喂养指导（高能量密度食物），两周后复测体重和上臂围；如出现水肿、拒食或精神差请立即面诊",
                        "suitable for an online consult: the physician will advise on energy-dense feeding; re-measure weight and MUAC in two weeks; "
                                + "see a doctor in person at once if swelling, refusal to eat or lethargy appear")));
    }
}
