package org.pediconsult.specialty.dermatology.internal.triage;

import java.util.Optional;

/**
 * Red, warm skin spreading within hours is cellulitis (or early necrotising infection) until
 * examined: IN_PERSON; with fever the infection is systemic: EMERGENCY.
 *
 * <p>Source: NICE NG141 "Cellulitis and erysipelas: antimicrobial prescribing" (children with
 * signs of systemic illness or rapid spread are referred to hospital); AAP on skin and soft-tissue
 * infections.
 */
final class RapidlySpreadingRedness implements RedFlagRule {
    @Override
    public Optional<RedFlag> assess(RashFacts f) {
        if (!f.rapidlySpreadingRedness) {
            return Optional.empty();
        }
        if (f.fever) {
            return Optional.of(RedFlag.emergency(
                    "快速扩散的红肿伴发热：需排除蜂窝织炎合并全身感染",
                    "rapidly spreading redness with fever: cellulitis with systemic infection must be ruled out"));
        }
        return Optional.of(RedFlag.inPerson(
                "快速扩散的红肿：需当面检查以排除蜂窝织炎",
                "rapidly spreading redness: needs an examination for cellulitis"));
    }
}
