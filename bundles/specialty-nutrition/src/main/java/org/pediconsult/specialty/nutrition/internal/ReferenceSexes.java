package org.pediconsult.specialty.nutrition.internal;

import java.util.List;

import org.pediconsult.growth.who.Sex;
import org.pediconsult.specialty.api.AssessmentInput;

/**
 * Which WHO standards apply to a child. The standards are sex-specific; for a child recorded as
 * OTHER or UNKNOWN both are used: triage raises a flag if either standard raises it (a missed red
 * flag costs more than an extra referral) and plausibility refuses a value only if both standards
 * find it impossible.
 */
public final class ReferenceSexes {
    private ReferenceSexes() {
    }

    public static List<Sex> of(AssessmentInput.Sex sex) {
        if (sex == AssessmentInput.Sex.MALE) {
            return List.of(Sex.MALE);
        }
        if (sex == AssessmentInput.Sex.FEMALE) {
            return List.of(Sex.FEMALE);
        }
        return List.of(Sex.FEMALE, Sex.MALE);
    }
}
