package org.pediconsult.specialty.growth.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.pediconsult.growth.who.Indicator;
import org.pediconsult.growth.who.Sex;
import org.pediconsult.specialty.api.AssessmentInput;
import org.pediconsult.specialty.api.FieldProblem;

/**
 * Refuses measurements that cannot be real for the child, before triage sees them: dated before
 * birth or after the assessment day, or beyond the WHO Anthro plausibility flags
 * ({@link WhoAnthroFlags}) at the child's age on the measurement day. The questionnaire's static
 * bounds (e.g. 30-220 cm) cannot do this: 160 cm is a fine height, but not for a 3-year-old.
 * Messages name the field and the age, never the value.
 */
public final class MeasurementPlausibility {
    private static final String HINT = "; check the unit and the value";
    private final ChildZScores zScores;

    public MeasurementPlausibility(ChildZScores zScores) {
        this.zScores = zScores;
    }

    public List<FieldProblem> check(AssessmentInput input) {
        List<FieldProblem> problems = new ArrayList<>();
        List<Measurement> all = MeasurementAnswers.parse(input.answers);
        if (all.isEmpty()) {
            problems.add(new FieldProblem("answers." + MeasurementAnswers.QUESTION,
                    "needs at least one dated measurement"));
        }
        List<Sex> sexes = ReferenceSexes.of(input.sex);
        for (Measurement m : all) {
            String path = "answers." + MeasurementAnswers.QUESTION + "[" + m.index() + "].";
            if (m.date().isAfter(input.assessedOn)) {
                problems.add(new FieldProblem(path + "date", "must not be after the day of the assessment"));
            } else if (m.date().isBefore(input.birthDate)) {
                problems.add(new FieldProblem(path + "date", "must not be before the child's birth date"));
            } else {
                checkValues(m, input.birthDate, sexes, path, problems);
            }
        }
        return problems;
    }

    private void checkValues(Measurement m, LocalDate birth, List<Sex> sexes, String path, List<FieldProblem> out) {
        String age = "is not plausible for a child of " + m.ageMonths(birth) + " months";
        boolean lengthBad = allSexes(sexes, s -> flagged(Indicator.LENGTH_HEIGHT_FOR_AGE, s, birth, m));
        if (lengthBad) {
            out.add(new FieldProblem(path + "lengthHeightCm", age + HINT));
        }
        if (allSexes(sexes, s -> flagged(Indicator.WEIGHT_FOR_AGE, s, birth, m))) {
            out.add(new FieldProblem(path + "weightKg", age + HINT));
        } else if (!lengthBad && allSexes(sexes, s -> weightForSizeFlagged(s, birth, m))) {
            out.add(new FieldProblem(path + "weightKg",
                    age + " with the length/height given; check the units and both values"));
        }
        if (allSexes(sexes, s -> flagged(Indicator.HEAD_CIRCUMFERENCE_FOR_AGE, s, birth, m))) {
            out.add(new FieldProblem(path + "headCm", age + HINT));
        }
    }

    /** Weight against length/height: WFL/WFH under 5 years (where WHO defines it), BMI-for-age at any age. */
    private boolean weightForSizeFlagged(Sex sex, LocalDate birth, Measurement m) {
        return (m.ageMonths(birth) < 60 && flagged(Indicator.WEIGHT_FOR_LENGTH_HEIGHT, sex, birth, m))
                || flagged(Indicator.BMI_FOR_AGE, sex, birth, m);
    }

    private boolean flagged(Indicator indicator, Sex sex, LocalDate birth, Measurement m) {
        return zScores.of(indicator, sex, birth, m).map(z -> WhoAnthroFlags.implausible(indicator, z.z)).orElse(false);
    }

    private static boolean allSexes(List<Sex> sexes, Predicate<Sex> test) {
        return sexes.stream().allMatch(test);
    }
}
