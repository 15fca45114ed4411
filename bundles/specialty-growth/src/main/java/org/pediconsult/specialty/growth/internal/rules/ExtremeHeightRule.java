package org.pediconsult.specialty.growth.internal.rules;

import java.util.Optional;

import org.pediconsult.specialty.api.Finding;
import org.pediconsult.specialty.api.LocalizedText;
import org.pediconsult.specialty.api.TriageLevel;

/**
 * Length/height-for-age beyond ±3 SD of the WHO 2006 Child Growth Standards (0-5 y) or the WHO 2007
 * Growth Reference (5-19 y). Below -3 is "severely stunted" (WHO 2008 Training Course on Child
 * Growth Assessment, module C, interpreting indicators); above +3 is "very tall", which WHO advises
 * to refer when an endocrine disorder is possible. Either needs an examination, bone age and
 * possibly endocrine work-up, none of which can be done online: IN_PERSON. Exactly ±3 does not
 * trigger (the cut-offs are stated as "below -3" and "above +3").
 */
public final class ExtremeHeightRule {
    static final double LIMIT = 3.0;

    public Optional<Finding> evaluate(double heightForAgeZ) {
        if (heightForAgeZ < -LIMIT) {
            return Optional.of(new Finding(TriageLevel.IN_PERSON,
                    LocalizedText.of("身长/身高别年龄Z评分低于-3（重度生长迟缓，WHO标准）",
                            "length/height-for-age below -3 SD (severe stunting, WHO standards)"),
                    advice()));
        }
        if (heightForAgeZ > LIMIT) {
            return Optional.of(new Finding(TriageLevel.IN_PERSON,
                    LocalizedText.of("身长/身高别年龄Z评分高于+3（身材过高，WHO标准）",
                            "length/height-for-age above +3 SD (very tall, WHO standards)"),
                    advice()));
        }
        return Optional.empty();
    }

    private static LocalizedText advice() {
        return LocalizedText.of("请在两周内到儿童生长发育或内分泌门诊面诊，携带既往测量记录",
                "see a pediatric growth or endocrinology clinic in person within two weeks; bring earlier measurements");
    }
}
