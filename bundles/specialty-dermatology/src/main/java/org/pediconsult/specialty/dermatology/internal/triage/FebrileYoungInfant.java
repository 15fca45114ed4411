package org.pediconsult.specialty.dermatology.internal.triage;

import java.util.Optional;

/**
 * An infant under 3 months with a fever of 38 °C or more is a "red" feature that needs a
 * face-to-face assessment within 2 hours, which an online booking cannot give: EMERGENCY.
 *
 * <p>Source: NICE NG143 "Fever in under 5s" traffic-light table (age under 3 months with temperature
 * 38 °C or higher is red) and its remote-assessment recommendation; AAP 2021 clinical practice
 * guideline on well-appearing febrile infants 8-60 days old.
 */
final class FebrileYoungInfant implements RedFlagRule {
    @Override
    public Optional<RedFlag> assess(RashFacts f) {
        if (f.fever && f.ageInDays < YoungInfantRash.AGE_LIMIT_DAYS) {
            return Optional.of(RedFlag.emergency(
                    "3个月以下婴儿发热（≥ 38 °C）：属高危，需立即就医",
                    "fever of 38 °C or more in an infant under 3 months: high risk, needs urgent assessment"));
        }
        return Optional.empty();
    }
}
