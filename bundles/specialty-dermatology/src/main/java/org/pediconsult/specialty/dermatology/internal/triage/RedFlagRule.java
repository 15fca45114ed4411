package org.pediconsult.specialty.dermatology.internal.triage;

import java.util.Optional;

/**
 * One clinical red-flag rule. Rules are independent: each says only whether its own sign is present
 * and how urgent it is; {@link RashTriage} takes the most urgent and lists every reason.
 */
interface RedFlagRule {
    Optional<RedFlag> assess(RashFacts facts);
}
