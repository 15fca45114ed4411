package org.pediconsult.specialty.dermatology.internal.triage;

import java.util.Optional;

/**
 * A non-blanching rash without fever still needs an examination and often a blood count (ITP,
 * vasculitis such as IgA vasculitis, early meningococcal disease before fever): IN_PERSON.
 *
 * <p>Source: NICE CG102 / NG240 (a non-blanching rash in an unwell child needs assessment; fever may
 * come later); AAP guidance on petechiae in children.
 */
final class NonBlanchingRashWithoutFever implements RedFlagRule {
    @Override
    public Optional<RedFlag> assess(RashFacts f) {
        if (!f.fever && f.nonBlanchingSpots) {
            return Optional.of(RedFlag.inPerson(
                    "按压不褪色的皮疹（无发热）：需当面检查并可能需要查血常规",
                    "non-blanching rash without fever: needs an examination and possibly a blood count"));
        }
        return Optional.empty();
    }
}
