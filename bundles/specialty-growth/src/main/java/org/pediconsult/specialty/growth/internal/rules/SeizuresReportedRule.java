package org.pediconsult.specialty.growth.internal.rules;

import java.util.Optional;

import org.pediconsult.specialty.api.Finding;
import org.pediconsult.specialty.api.LocalizedText;
import org.pediconsult.specialty.api.TriageLevel;

/**
 * Seizures reported without regression. A growth-and-development consult online cannot assess
 * them, and a child with seizures needs a neurological examination (NICE NG217, epilepsies in
 * children, 2022: refer after a first seizure): IN_PERSON. With regression the
 * {@link DevelopmentalRegressionRule} asks for EMERGENCY instead.
 */
public final class SeizuresReportedRule {

    public Optional<Finding> evaluate(boolean seizures, boolean regression) {
        if (!seizures || regression) {
            return Optional.empty();
        }
        return Optional.of(new Finding(TriageLevel.IN_PERSON,
                LocalizedText.of("有抽搐发作", "seizures reported"),
                LocalizedText.of("请尽快到儿童神经门诊面诊；如抽搐超过5分钟或反复发作，立即拨打120",
                        "see a pediatric neurologist in person soon; call 120 if a seizure lasts over 5 minutes or repeats")));
    }
}
