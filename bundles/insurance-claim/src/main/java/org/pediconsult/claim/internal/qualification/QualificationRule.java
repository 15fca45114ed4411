package org.pediconsult.claim.internal.qualification;

import java.util.Optional;

/**
 * One qualification rule, named after what it checks ({@link #name()}, e.g. {@code pilot-window}). It holds no
 * state: the limits come from the {@link RuleSet} in effect on the consultation's day. It answers empty when the
 * consultation passes, or the reason it is not claimable (zh and en, naming the limit and what was found).
 */
public interface QualificationRule {
    String name();

    Optional<Reason> check(ClaimFacts facts, RuleSet rules);
}
