package org.pediconsult.specialty.api;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the platform knows of the child when an assessment is validated and triaged: age and sex,
 * who is answering, the latest measurements, the hospital's observations (HIS results received over
 * HL7), and the child's earlier consultations in this specialty. Never names or identifiers.
 *
 * <p>Lists are newest first and bounded (at most {@link #MAX_OBSERVATIONS} observations and
 * {@link #MAX_EARLIER} earlier consultations); they are empty when the platform has nothing, so a rule
 * must treat "no observation" as "unknown", never as "normal".
 *
 * @since 1.4
 */
public final class ChildContext {
    /** The most observations handed to a specialty. */
    public static final int MAX_OBSERVATIONS = 100;
    /** The most earlier consultations handed to a specialty. */
    public static final int MAX_EARLIER = 20;

    public final AssessmentInput.Sex sex;
    public final LocalDate birthDate;
    /** The assessment's day in the pilot's time zone. */
    public final LocalDate assessedOn;
    public final Respondent respondent;
    /** Weight, height and head circumference by date, from the hospital's observations; newest first. */
    public final List<Measurement> measurements;
    /** The hospital's observations of the child (HL7 ORU OBX), newest first. */
    public final List<Observation> observations;
    /** The child's earlier consultations in this specialty, newest first. */
    public final List<EarlierConsultation> earlier;

    public ChildContext(AssessmentInput.Sex sex, LocalDate birthDate, LocalDate assessedOn, Respondent respondent,
                        List<Measurement> measurements, List<Observation> observations,
                        List<EarlierConsultation> earlier) {
        this.sex = sex == null ? AssessmentInput.Sex.UNKNOWN : sex;
        this.birthDate = Objects.requireNonNull(birthDate, "birthDate");
        this.assessedOn = Objects.requireNonNull(assessedOn, "assessedOn");
        this.respondent = respondent == null ? Respondent.GUARDIAN : respondent;
        this.measurements = measurements == null ? List.of() : List.copyOf(measurements);
        this.observations = observations == null ? List.of() : List.copyOf(observations);
        this.earlier = earlier == null ? List.of() : List.copyOf(earlier);
    }

    /** A context with only age and sex (what SPI 1.3 triage saw), answered by the guardian. */
    public static ChildContext basic(AssessmentInput.Sex sex, LocalDate birthDate, LocalDate assessedOn) {
        return new ChildContext(sex, birthDate, assessedOn, Respondent.GUARDIAN, List.of(), List.of(), List.of());
    }

    /** Completed months of age on the assessment day. */
    public int ageInMonths() {
        return (int) Period.between(birthDate, assessedOn).toTotalMonths();
    }

    /** Completed years of age on the assessment day. */
    public int ageInYears() {
        return Period.between(birthDate, assessedOn).getYears();
    }

    /** The newest measurement with a weight. */
    public Optional<Measurement> latestWeight() {
        return measurements.stream().filter(m -> m.weightKg() != null).findFirst();
    }

    /** The newest measurement with a height or length. */
    public Optional<Measurement> latestHeight() {
        return measurements.stream().filter(m -> m.heightCm() != null).findFirst();
    }

    /** The newest observation with this code (or alternate code), e.g. LOINC {@code 718-7} haemoglobin. */
    public Optional<Observation> latestObservation(String code) {
        return observations.stream().filter(o -> code.equals(o.code()) || code.equals(o.alternateCode())).findFirst();
    }

    /**
     * One dated measurement; the fields not measured that day are null.
     *
     * @param date the day measured
     * @param weightKg kilograms
     * @param heightCm centimetres (length lying for infants)
     * @param headCircumferenceCm centimetres
     * @param source where it comes from: {@code HIS} (the hospital's observations)
     */
    public record Measurement(LocalDate date, Double weightKg, Double heightCm, Double headCircumferenceCm,
                              String source) {
    }

    /**
     * One observation of the hospital's record (an OBX of an ORU^R01), as received.
     *
     * @param code the observation's code (OBX-3.1), e.g. a LOINC code
     * @param codingSystem its system (OBX-3.3), e.g. {@code LN}
     * @param alternateCode the alternate code (OBX-3.4) or null
     * @param text the code's text (OBX-3.2)
     * @param value the value as text (OBX-5)
     * @param numericValue the value when numeric, else null
     * @param units the units (OBX-6) or null
     * @param abnormalFlags OBX-8 (e.g. {@code H}, {@code L}) or null
     * @param observedOn the day observed (OBX-14, else the report's time) or null
     */
    public record Observation(String code, String codingSystem, String alternateCode, String text, String value,
                              Double numericValue, String units, String abnormalFlags, LocalDate observedOn) {
    }

    /**
     * One earlier consultation of the child in the same specialty.
     *
     * @param date the day it was requested
     * @param kind {@code INITIAL} or {@code FOLLOW_UP}
     * @param state its state now (e.g. {@code COMPLETED}, {@code REFERRED}, {@code CANCELLED})
     * @param triageLevel the triage of its assessment, or null (a follow-up has none)
     * @param diagnosis the physician's diagnosis when completed, else null
     */
    public record EarlierConsultation(LocalDate date, String kind, String state, TriageLevel triageLevel,
                                      String diagnosis) {
    }
}
