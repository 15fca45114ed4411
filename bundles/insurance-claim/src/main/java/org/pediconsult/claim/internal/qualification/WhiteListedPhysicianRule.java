package org.pediconsult.claim.internal.qualification;

import java.util.Optional;

/** {@code white-listed-physician}: the physician is on the pilot white-list. */
public final class WhiteListedPhysicianRule implements QualificationRule {
    public static final String NAME = "white-listed-physician";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<Reason> check(ClaimFacts facts, RuleSet rules) {
        if (facts.physicianWhitelisted()) {
            return Optional.empty();
        }
        return Optional.of(Reason.of(NAME, "接诊医生不在试点白名单内", "the physician is not on the pilot white-list"));
    }
}
