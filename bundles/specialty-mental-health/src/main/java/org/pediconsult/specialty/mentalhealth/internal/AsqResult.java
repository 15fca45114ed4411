package org.pediconsult.specialty.mentalhealth.internal;

import org.pediconsult.specialty.api.LocalizedText;

/**
 * The NIMH ASQ result ("Suicide Risk Screening Pathway"): negative (no to 1-4), non-acute positive
 * (a yes to any of 1-4 and no to 5), acute positive (yes to 5).
 */
public enum AsqResult {
    NEGATIVE("阴性", "negative"),
    NON_ACUTE_POSITIVE("非急性阳性", "non-acute positive"),
    ACUTE_POSITIVE("急性阳性", "acute positive");

    public final LocalizedText label;

    AsqResult(String zh, String en) {
        this.label = LocalizedText.of(zh, en);
    }

    /** The result, or null when the ASQ was not asked or 1-4 are incompletely answered without a yes. */
    public static AsqResult of(ScreeningAnswers a) {
        if (!a.asqAsked()) {
            return null;
        }
        if (a.asqYes() > 0) {
            return a.asqAcuity() ? ACUTE_POSITIVE : NON_ACUTE_POSITIVE;
        }
        return a.asqAnswered() == MentalHealthQuestionnaire.ASQ_ITEMS.size() ? NEGATIVE : null;
    }
}
