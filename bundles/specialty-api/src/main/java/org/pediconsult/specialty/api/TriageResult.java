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
}
