package org.pediconsult.specialty.api;

import java.time.LocalDate;
import java.time.Period;
import java.util.Map;

/**
 * What validation and triage see: the child's sex and age on the assessment day, the validated
 * answers (JSON values as Java: String, Number, Boolean, List, Map), and since 1.4 the child's
 * {@link #context} (who answered, measurements, the hospital's observations, earlier consultations).
 * No names or identifiers.
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
    /**
     * The child's context; never null (built from sex and dates alone by the 1.0 constructor).
     *
     * @since 1.4
     */
    public final ChildContext context;

    public AssessmentInput(Sex sex, LocalDate birthDate, LocalDate assessedOn, Map<String, Object> answers) {
        this(ChildContext.basic(sex, birthDate, assessedOn), answers);
    }

    /** @since 1.4 */
    public AssessmentInput(ChildContext context, Map<String, Object> answers) {
        this.context = java.util.Objects.requireNonNull(context, "context");
        this.sex = context.sex;
        this.birthDate = context.birthDate;
        this.assessedOn = context.assessedOn;
        this.answers = Map.copyOf(answers);
    }

    /** Who answered. @since 1.4 */
    public Respondent respondent() {
        return context.respondent;
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
