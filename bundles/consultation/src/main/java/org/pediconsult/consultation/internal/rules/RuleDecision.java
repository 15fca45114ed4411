package org.pediconsult.consultation.internal.rules;

import java.util.Objects;

/**
 * The outcome of one pilot rule: either allowed, or refused with a stable rule code and a reason in
 * English and Chinese.
 *
 * <p>Why a value rather than an exception: callers (REST, shell, booking) need to show the clinician
 * <em>which</em> rule blocked them and the facts behind it, in both languages, and sometimes need to
 * evaluate a rule without failing (e.g. to grey out a button). The rule code is stable so that clients
 * and audit records can match on it; the reasons are for people and may be reworded. Reasons name the
 * facts (dates, codes) but never patient names, because they end up in logs and audit trails.
 */
public final class RuleDecision {

    private static final RuleDecision ALLOWED = new RuleDecision(true, null, null, null);

    private final boolean allowed;
    private final String rule;
    private final String reasonEn;
    private final String reasonZh;

    private RuleDecision(boolean allowed, String rule, String reasonEn, String reasonZh) {
        this.allowed = allowed;
        this.rule = rule;
        this.reasonEn = reasonEn;
        this.reasonZh = reasonZh;
    }

    /** The rule is satisfied; {@link #rule()} and the reasons are {@code null}. */
    public static RuleDecision allow() {
        return ALLOWED;
    }

    /**
     * The rule is not satisfied.
     *
     * @param rule stable code, e.g. {@code "independent-practice-3-years"}
     * @param reasonEn clinician-readable reason naming the facts, in English
     * @param reasonZh the same reason in Chinese
     */
    public static RuleDecision refuse(String rule, String reasonEn, String reasonZh) {
        return new RuleDecision(false, requireText(rule, "rule"), requireText(reasonEn, "reasonEn"),
                requireText(reasonZh, "reasonZh"));
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + ": must not be blank");
        }
        return value;
    }

    public boolean allowed() {
        return allowed;
    }

    /** Stable rule code of the refusal; {@code null} when allowed. */
    public String rule() {
        return rule;
    }

    /** English reason; {@code null} when allowed. */
    public String reasonEn() {
        return reasonEn;
    }

    /** Chinese reason; {@code null} when allowed. */
    public String reasonZh() {
        return reasonZh;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof RuleDecision)) {
            return false;
        }
        RuleDecision other = (RuleDecision) o;
        return allowed == other.allowed && Objects.equals(rule, other.rule)
                && Objects.equals(reasonEn, other.reasonEn) && Objects.equals(reasonZh, other.reasonZh);
    }

    @Override
    public int hashCode() {
        return Objects.hash(allowed, rule, reasonEn, reasonZh);
    }

    @Override
    public String toString() {
        return allowed ? "RuleDecision[allowed]" : "RuleDecision[refused " + rule + ": " + reasonEn + "]";
    }
}
