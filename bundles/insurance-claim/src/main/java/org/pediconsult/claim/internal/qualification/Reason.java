package org.pediconsult.claim.internal.qualification;

import java.util.Objects;

/**
 * Why a consultation is not (fully) claimable, as one rule saw it: the rule's name, a short stable code the
 * billing page can group by (e.g. {@code referred}, {@code other-region}) and the text in Chinese and English.
 */
public record Reason(String rule, String code, String zh, String en) {
    public Reason {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(en, "en");
    }

    /** A reason whose code is the rule's name. */
    public static Reason of(String rule, String zh, String en) {
        return new Reason(rule, rule, zh, en);
    }

    @Override
    public String toString() {
        return rule + ": " + en;
    }
}
