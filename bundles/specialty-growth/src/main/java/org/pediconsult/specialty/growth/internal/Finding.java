package org.pediconsult.specialty.growth.internal;

import org.pediconsult.specialty.api.LocalizedText;
import org.pediconsult.specialty.api.TriageLevel;

/** What one rule found: the level it asks for, why (for guardian and clinician), and what to do. */
public record Finding(TriageLevel level, LocalizedText reason, LocalizedText advice) {
}
