package org.pediconsult.specialty.growth.internal.rules;

import java.util.Optional;

import org.pediconsult.specialty.api.Finding;
import org.pediconsult.specialty.api.LocalizedText;
import org.pediconsult.specialty.api.TriageLevel;

/**
 * Loss of skills the child had acquired (developmental regression) is a red flag in every
 * developmental surveillance guideline (AAP "Promoting optimal development", Pediatrics 2020; NICE
 * CG128): it can mean a neurodegenerative or epileptic encephalopathy and needs a prompt
 * neurological examination: IN_PERSON. With seizures it may be an evolving encephalopathy or
 * non-convulsive status: EMERGENCY.
 */
public final class DevelopmentalRegressionRule {

    public Optional<Finding> evaluate(boolean regression, boolean seizures) {
        if (!regression) {
            return Optional.empty();
        }
        if (seizures) {
            return Optional.of(new Finding(TriageLevel.EMERGENCY,
                    LocalizedText.of("发育倒退（已获得技能丧失）伴抽搐", "developmental regression (loss of acquired skills) with seizures"),
                    LocalizedText.of("请立即前往急诊或拨打120", "go to an emergency department now or call 120")));
        }
        return Optional.of(new Finding(TriageLevel.IN_PERSON,
                LocalizedText.of("发育倒退（已获得技能丧失）", "developmental regression (loss of acquired skills)"),
                LocalizedText.of("请在一周内到儿童神经或发育行为门诊面诊",
                        "see a pediatric neurology or developmental clinic in person within a week")));
    }
}
