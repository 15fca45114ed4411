package org.pediconsult.specialty.dermatology.internal.triage;

import java.util.Optional;

/**
 * Fever with non-blanching spots (petechiae/purpura) is meningococcal septicaemia until proven
 * otherwise and can kill within hours: EMERGENCY.
 *
 * <p>Source: NICE NG143 "Fever in under 5s" (non-blanching rash is a red feature); NICE CG102
 * "Meningitis (bacterial) and meningococcal septicaemia in under 16s" (superseded 2024 by NG240),
 * which asks for immediate transfer to hospital of a child with a petechial rash and fever.
 */
final class FeverWithNonBlanchingRash implements RedFlagRule {
    @Override
    public Optional<RedFlag> assess(RashFacts f) {
        if (f.fever && f.nonBlanchingSpots) {
            return Optional.of(RedFlag.emergency(
                    "发热伴按压不褪色的皮疹（瘀点/紫癜）：需排除脑膜炎球菌败血症",
                    "fever with a non-blanching rash (petechiae/purpura): meningococcal sepsis must be ruled out"));
        }
        return Optional.empty();
    }
}
