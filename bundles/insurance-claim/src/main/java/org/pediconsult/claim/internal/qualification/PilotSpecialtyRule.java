package org.pediconsult.claim.internal.qualification;

import java.util.Optional;

/** {@code pilot-specialty}: the consultation's specialty is one of the pilot's specialties. */
public final class PilotSpecialtyRule implements QualificationRule {
    public static final String NAME = "pilot-specialty";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Reason> check(ClaimFacts facts, RuleSet rules) {
        String specialty = facts.specialty();
        if (specialty != null && rules.specialties().contains(specialty)) {
            return Optional.empty();
        }
        return Optional.of(Reason.of(NAME, "专科 " + specialty + " 不在试点专科范围内",
                "specialty " + specialty + " is not a pilot specialty"));
    }
}
