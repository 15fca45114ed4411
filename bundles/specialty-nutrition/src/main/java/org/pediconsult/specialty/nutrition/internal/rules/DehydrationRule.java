package org.pediconsult.specialty.nutrition.internal.rules;

import java.util.Optional;

import org.pediconsult.specialty.api.Finding;
import org.pediconsult.specialty.api.LocalizedText;
import org.pediconsult.specialty.api.TriageLevel;

/**
 * Signs of dehydration, usually with diarrhoea. WHO "The treatment of diarrhoea" (2005) and IMCI
 * (2014): a child with some dehydration gets ORS plan B (75 ml/kg over 4 hours) under observation
 * in a health facility, and severe dehydration needs intravenous fluids; neither can be judged on a
 * video call: IN_PERSON. A child who also has severe acute malnutrition is escalated to EMERGENCY by
 * {@link SevereAcuteMalnutritionRule} (dehydration is a complication of SAM).
 */
public final class DehydrationRule {

    public Optional<Finding> evaluate(boolean dehydrationSigns, Integer diarrhoeaDays) {
        if (!dehydrationSigns) {
            return Optional.empty();
        }
        boolean diarrhoea = diarrhoeaDays != null && diarrhoeaDays > 0;
        return Optional.of(new Finding(TriageLevel.IN_PERSON,
                diarrhoea ? LocalizedText.of("腹泻伴脱水体征", "diarrhoea with signs of dehydration")
                        : LocalizedText.of("有脱水体征", "signs of dehydration"),
                LocalizedText.of("请今天到儿科门诊面诊补液；途中少量多次喂口服补液盐；如精神差、无法饮水或无尿请立即前往急诊",
                        "see a pediatric clinic in person today for rehydration; give small frequent sips of ORS on the way; "
                                + "go to an emergency department at once if the child is lethargic, cannot drink or passes no urine")));
    }
}
