package org.pediconsult.specialty.api;

import java.time.LocalDate;
import java.time.Period;
import java.util.Map;

/**
 * What triage sees: the child's sex and age on the assessment day, and the validated answers
 * (JSON values as Java: String, Number, Boolean, List, Map). No names or identifiers.
 *
 * @since 1.0
 */
public final class AssessmentInput {
    /** Administrative sex as recorded for the child. */
    public enum Sex { FEMALE, MALE, OTHER, UNKNOWN }

    public final Sex sex;
    public final LocalDate birthDate;
    public final LocalDate assessedOn;
    public final Map<String, Object> answers;

    public AssessmentInput(Sex sex, LocalDate birthDate, LocalDate assessedOn, Map<String, Object> answers) {
        this.sex = sex;
        this.birthDate = birthDate;
        this.assessedOn = assessedOn;
        this.answers = Map.copyOf(answers);
    }

    /** Completed months of age on the assessment day. */
    public int ageInMonths() {
        return (int) Period.between(birthDate, assessedOn).toTotalMonths();
    }

    /** Completed days of age on the assessment day. */
    public long ageInDays() {
        return assessedOn.toEpochDay() - birthDate.toEpochDay();
    }
}
