package org.pediconsult.specialty.api;

import java.util.List;

/**
 * A triage decision with the reasons a guardian and a clinician can read. REMOTE_OK may carry
 * advice too (e.g. "overweight: diet advice during the consult").
 *
 * <p>Since 1.4 a result not seen online may say how soon ({@link #urgency}) and where
 * ({@link #destination}); set them with {@link #withUrgency} and {@link #withDestination}. Without them
 * the platform refers EMERGENCY to the emergency department at once and IN_PERSON to an in-person
 * pediatric clinic, with no window.
 *
 * @since 1.0
 */
public final class TriageResult {
    public final TriageLevel level;
    public final List<LocalizedText> reasons;
    /** What the guardian should do now (e.g. "call 120", "see a dermatologist in person within a week"). */
    public final LocalizedText advice;
    /** How soon the child must be seen; null when not stated. @since 1.4 */
    public final Urgency urgency;
    /** Where the child should go when not seen online; null for the platform's default. @since 1.4 */
    public final Destination destination;

    public TriageResult(TriageLevel level, List<LocalizedText> reasons, LocalizedText advice) {
        this(level, reasons, advice, null, null);
    }

    /** @since 1.4 */
    public TriageResult(TriageLevel level, List<LocalizedText> reasons, LocalizedText advice, Urgency urgency,
                        Destination destination) {
        this.level = java.util.Objects.requireNonNull(level, "level");
        this.reasons = List.copyOf(reasons);
        this.advice = advice;
        this.urgency = urgency;
        this.destination = destination;
    }

    /** A copy with this urgency. @since 1.4 */
    public TriageResult withUrgency(Urgency urgency) {
        return new TriageResult(level, reasons, advice, urgency, destination);
    }

    /** A copy with this destination. @since 1.4 */
    public TriageResult withDestination(Destination destination) {
        return new TriageResult(level, reasons, advice, urgency, destination);
    }

    /**
     * The urgency the platform acts on: the stated one, else IMMEDIATE for EMERGENCY and none for the
     * other levels. An EMERGENCY is always IMMEDIATE, whatever was stated. @since 1.4
     */
    public Urgency effectiveUrgency() {
        return level == TriageLevel.EMERGENCY ? Urgency.IMMEDIATE : urgency;
    }

    /** The destination the platform refers to: the stated one, else its default for the level; null for REMOTE_OK. @since 1.4 */
    public Destination effectiveDestination() {
        if (level == TriageLevel.REMOTE_OK) {
            return null;
        }
        if (destination != null) {
            return destination;
        }
        return level == TriageLevel.EMERGENCY ? Destination.EMERGENCY_DEPARTMENT : Destination.PEDIATRIC_OUTPATIENT;
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
