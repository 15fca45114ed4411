package org.pediconsult.specialty.api;

/**
 * What one triage rule found: the level it asks for, why (for the guardian and the clinician), and
 * what to do. {@link TriageResult#mostUrgent} folds a specialty's findings into its triage.
 *
 * @since 1.2
 */
public record Finding(TriageLevel level, LocalizedText reason, LocalizedText advice) {
}
