package org.pediconsult.claim.internal.qualification;

import java.util.Optional;

/** {@code guardian-presence}: the physician attested the guardian's presence. */
public final class GuardianPresenceRule implements QualificationRule {
    public static final String NAME = "guardian-presence";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Reason> check(ClaimFacts facts, RuleSet rules) {
        if (facts.guardianAttested()) {
            return Optional.empty();
        }
        return Optional.of(Reason.of(NAME, "未确认监护人在场", "the guardian's presence was not attested"));
    }
}
