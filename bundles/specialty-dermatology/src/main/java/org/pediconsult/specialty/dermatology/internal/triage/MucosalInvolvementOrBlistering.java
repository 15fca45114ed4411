package org.pediconsult.specialty.dermatology.internal.triage;

import java.util.Optional;

/**
 * Mucosal involvement or blistering can be the start of Stevens-Johnson syndrome / toxic epidermal
 * necrolysis or a bullous disease (staphylococcal scalded skin, bullous impetigo): IN_PERSON. Both
 * together with fever is the SJS/TEN picture: EMERGENCY.
 *
 * <p>Source: BAD "UK guidelines for the management of SJS/TEN in children and young people"
 * (McPherson et al., Br J Dermatol 2019); AAP on staphylococcal scalded skin syndrome.
 */
final class MucosalInvolvementOrBlistering implements RedFlagRule {
    @Override
    public Optional<RedFlag> assess(RashFacts f) {
        if (f.mucosalInvolvement && f.blistering && f.fever) {
            return Optional.of(RedFlag.emergency(
                    "发热伴黏膜受累和水疱：需排除史蒂文斯-约翰逊综合征/中毒性表皮坏死松解症",
                    "fever with mucosal involvement and blistering: Stevens-Johnson syndrome/TEN must be ruled out"));
        }
        if (f.mucosalInvolvement || f.blistering) {
            return Optional.of(RedFlag.inPerson(
                    "黏膜受累或水疱：需当面检查以排除重症药疹或大疱性疾病",
                    "mucosal involvement or blistering: needs an examination for severe drug reaction or bullous disease"));
        }
        return Optional.empty();
    }
}
