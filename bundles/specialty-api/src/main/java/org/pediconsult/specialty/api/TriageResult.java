package org.pediconsult.specialty.api;

import java.util.List;

/**
 * A triage decision with the reasons a guardian and a clinician can read. REMOTE_OK may carry
 * advice too (e.g. "overweight: diet advice during the consult").
 *
 * @since 1.0
 */
public final class TriageResult {
    public final TriageLevel level;
    public final List<LocalizedText> reasons;
    /** What the guardian should do now (e.g. "call 120", "see a dermatologist in person within a week"). */
    public final LocalizedText advice;

    public TriageResult(TriageLevel level, List<LocalizedText> reasons, LocalizedText advice) {
        this.level = level;
        this.reasons = List.copyOf(reasons);
        this.advice = advice;
    }

    public static TriageResult remoteOk(LocalizedText advice) {
        return new TriageResult(TriageLevel.REMOTE_OK, List.of(), advice);
    }

    /**
     * Folds rule findings into one triage: the most urgent level wins, every distinct reason is
     * listed (the referring clinician needs all of them, not just the worst), and the advice is that
     * of the findings at the winning level. No finding: REMOTE_OK with {@code adviceWhenNothingFound}.
     *
     * @since 1.2
     */
    public static TriageResult mostUrgent(List<Finding> findings, LocalizedText adviceWhenNothingFound) {
        if (findings.isEmpty()) {
            return remoteOk(adviceWhenNothingFound);
        }
        TriageLevel level = TriageLevel.REMOTE_OK;
        for (Finding f : findings) {
            level = level.max(f.level());
        }
        java.util.Set<LocalizedText> reasons = new java.util.LinkedHashSet<>();
        StringBuilder zh = new StringBuilder();
        StringBuilder en = new StringBuilder();
        java.util.Set<LocalizedText> advice = new java.util.LinkedHashSet<>();
        for (Finding f : findings) {
            reasons.add(f.reason());
            if (f.level() == level && advice.add(f.advice())) {
                zh.append(zh.length() == 0 ? "" : "；").append(f.advice().zh);
                en.append(en.length() == 0 ? "" : "; ").append(f.advice().en);
            }
        }
        return new TriageResult(level, new java.util.ArrayList<>(reasons), LocalizedText.of(zh.toString(), en.toString()));
    }
}
