package org.pediconsult.specialty.nutrition.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.pediconsult.growth.who.Indicator;
import org.pediconsult.specialty.api.AssessmentInput;
import org.pediconsult.specialty.api.FieldProblem;

/**
 * Refuses a measurement that cannot be real for the child, before triage: dated in the future or
 * before birth, or beyond the WHO Anthro plausibility flags ({@link WhoAnthroFlags}) at the child's
 * age on the measurement day. MUAC is checked only where it is meaningful, 6-59 months
 * ({@link MuacAgeWindow}), and only against the upper flag. For a child recorded as neither male nor female a value is refused only
 * if it is implausible against both standards. Messages never quote the value.
 */
public final class NutritionPlausibility {
    private static final String HINT = "; check the unit and the value";
    private final AnthropometryCalculator calculator;

    public NutritionPlausibility(AnthropometryCalculator calculator) {
        this.calculator = calculator;
    }

    public List<FieldProblem> check(AssessmentInput input) {
        List<FieldProblem> problems = new ArrayList<>();
        NutritionAnswers n = NutritionAnswers.of(input);
        if (n.date().isAfter(input.assessedOn)) {
            problems.add(new FieldProblem("answers.date", "must not be after the day of the assessment"));
            return problems;
        }
        if (n.date().isBefore(input.birthDate)) {
            problems.add(new FieldProblem("answers.date", "must not be before the child's birth date"));
            return problems;
        }
        List<Anthropometry> bySex = ReferenceSexes.of(input.sex).stream()
                .map(s -> calculator.of(s, input.birthDate, n)).toList();
        String age = "is not plausible for a child of " + n.ageMonths(input.birthDate) + " months";
        boolean lengthBad = all(bySex,
                x -> WhoAnthroFlags.implausible(Indicator.LENGTH_HEIGHT_FOR_AGE, x.lengthHeightForAgeZ()));
        if (lengthBad) {
            problems.add(new FieldProblem("answers.lengthHeightCm", age + HINT));
        }
        if (all(bySex, x -> WhoAnthroFlags.implausible(Indicator.WEIGHT_FOR_AGE, x.weightForAgeZ()))) {
            problems.add(new FieldProblem("answers.weightKg", age + HINT));
        } else if (!lengthBad && all(bySex, NutritionPlausibility::weightForSizeImplausible)) {
            problems.add(new FieldProblem("answers.weightKg",
                    age + " with the length/height given; check the units and both values"));
        }
        if (MuacAgeWindow.applies(n.ageMonths(input.birthDate)) && all(bySex, NutritionPlausibility::muacTooLarge)) {
            problems.add(new FieldProblem("answers.muacMm", age + HINT));
        }
        return problems;
    }

    /**
     * Only the upper WHO Anthro flag (+5) for MUAC: a real child with severe acute malnutrition can
     * have a MUAC below -5 SD (about 100-105 mm at 2-4 years), and refusing it would keep that child
     * from the triage that refers it. Too-small typos (cm for mm) are already below the
     * questionnaire's 60 mm minimum.
     */
    private static boolean muacTooLarge(Anthropometry x) {
        Double z = x.armCircumferenceForAgeZ();
        return z != null && z > WhoAnthroFlags.UPPER_ARM_CIRCUMFERENCE;
    }

    /**
     * Only the upper flag (+5) for weight-for-length/height and BMI-for-age: a child with severe
     * wasting can really lie below -5 SD, and refusing the value would keep that child from the triage
     * that sends it to care (SAM is referred whatever the depth). Weight-for-age keeps both flags.
     */
    private static boolean weightForSizeImplausible(Anthropometry x) {
        Double wfh = x.weightForLengthHeightZ();
        Double bmi = x.bmiForAgeZ();
        return (wfh != null && wfh > 5) || (bmi != null && bmi > 5);
    }

    private static boolean all(List<Anthropometry> bySex, Predicate<Anthropometry> test) {
        return bySex.stream().allMatch(test);
    }
}
