package org.pediconsult.specialty.dermatology.internal.triage;

import java.util.Optional;

/**
 * Any fever with a rash needs a clinician's hands and eyes: viral exanthem, scarlet fever, Kawasaki
 * disease and early sepsis look alike in photos: IN_PERSON at least (other rules may raise it).
 *
 * <p>Source: NICE NG143 "Fever in under 5s" (remote assessment of a febrile child with a rash calls
 * for face-to-face assessment); AAP Red Book on febrile exanthems.
 */
final class FeverWithRash implements RedFlagRule {
    @Override
    public Optional<RedFlag> assess(RashFacts f) {
        if (f.fever) {
            return Optional.of(RedFlag.inPerson(
                    "发热伴皮疹：需要当面检查",
                    "fever with a rash: needs an in-person examination"));
        }
        return Optional.empty();
    }
}
