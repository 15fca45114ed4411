package org.pediconsult.specialty.dermatology.internal.triage;

import java.util.Optional;

/**
 * Clusters of painful punched-out sores or blisters on eczema are eczema herpeticum (HSV on eczema),
 * which needs systemic aciclovir the same day and can spread to the eyes: EMERGENCY.
 *
 * <p>Source: NICE CG57 "Atopic eczema in under 12s" (suspected eczema herpeticum: start systemic
 * aciclovir immediately and refer for same-day specialist advice); BAD patient information on
 * eczema herpeticum.
 */
final class EczemaHerpeticum implements RedFlagRule {
    @Override
    public Optional<RedFlag> assess(RashFacts f) {
        if (f.eczemaHerpeticumSigns) {
            return Optional.of(RedFlag.emergency(
                    "湿疹处出现成簇疼痛性水疱或凿孔样溃疡：疑似疱疹样湿疹，需当天抗病毒治疗",
                    "painful punched-out sores on eczema: suspected eczema herpeticum, needs same-day antiviral treatment"));
        }
        return Optional.empty();
    }
}
