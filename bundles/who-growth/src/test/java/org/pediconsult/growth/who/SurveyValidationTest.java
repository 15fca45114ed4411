package org.pediconsult.growth.who;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Recomputes WHO igrowup's z-scores for the 498 children of WHO's demo survey
 * (validation/survey_z_rc.csv, from pygrowup's test data): _ZWEI, _ZLEN, _ZWFL, _ZBMI from GENDER,
 * _agedays, WEIGHT, HEIGHT, measure; also igrowup's corrected length/height (_CLENHEI) and BMI (_CBMI).
 *
 * <p>A reproduced z-score must equal igrowup's 2-decimal value after rounding: |computed - expected|
 * &lt;= 0.005. Blank expected values are accounted for, never silently skipped:
 * <ul>
 *   <li>oedema = y: WHO sets weight-based z-scores (weight-for-age, weight-for-length/height, BMI) to
 *       missing; the API has no oedema input, so these are skipped (the caller must not report them);</li>
 *   <li>missing weight or height: nothing to compute;</li>
 *   <li>any other blank (a measure outside the reference range) must be empty here too.</li>
 * </ul>
 * <p>Documented exception: the 4 children aged 1832-1852 days (60.2-60.8 months). igrowup scored them
 * with WHO 2006 LMS rows for days 1827-1856, which are not part of the published standard (the WHO anthro
 * tables shipped here end at day 1826; WHO anthro returns no z-score from 60 months). From 60 months this
 * library uses the WHO 2007 reference as WHO anthroplus does, validated by worked examples P1/P2 at 60.32 and
 * 60.91 months. For those 12 age-based values the test asserts the WHO 2007 reference was used and that it
 * agrees with igrowup's 2006-based value within 0.15 SD (the two WHO references join at 5 years); it does not
 * count them as reproduced. Their weight-for-height (age-independent table) is reproduced normally.
 */
class SurveyValidationTest {

    private static final double TOLERANCE = 0.005 + 1e-9;
    private static final double JUNCTION_TOLERANCE = 0.15;
    private static final String[] COLUMNS = {"_ZWEI", "_ZLEN", "_ZWFL", "_ZBMI"};

    private final GrowthStandards who = GrowthStandards.who();

    @Test
    void igrowupSurveyZScoresAreReproduced() {
        List<Map<String, String>> rows = Csv.read("/validation/survey_z_rc.csv");
        List<String> failures = new ArrayList<>();
        int reproduced = 0;
        int blanksConfirmedEmpty = 0;
        int oedemaSkipped = 0;
        int missingInput = 0;
        int junctionChecked = 0;
        int derivedChecked = 0;

        for (Map<String, String> row : rows) {
            String id = row.get("id");
            Sex sex = Csv.sex(row.get("GENDER"));
            double days = Csv.number(row.get("_agedays"));
            double weight = Csv.number(row.get("WEIGHT"));
            double height = Csv.number(row.get("HEIGHT"));
            Position position = Csv.position(row.get("measure"));
            boolean oedema = "y".equalsIgnoreCase(row.get("oedema"));

            if (!Double.isNaN(height)) {
                double expected = Csv.number(row.get("_CLENHEI"));
                double computed = GrowthStandards.correctedLengthHeight(height, days, position);
                derivedChecked++;
                if (Math.abs(computed - expected) > 1e-6) {
                    failures.add(id + " _CLENHEI expected " + expected + " computed " + computed);
                }
                if (!Double.isNaN(weight)) {
                    double expectedBmi = Csv.number(row.get("_CBMI"));
                    double bmi = GrowthStandards.bmi(weight, height, days, position);
                    derivedChecked++;
                    if (Math.abs(bmi - expectedBmi) > 1e-6 * expectedBmi) {
                        failures.add(id + " _CBMI expected " + expectedBmi + " computed " + bmi);
                    }
                }
            }

            for (String column : COLUMNS) {
                Indicator indicator = indicator(column);
                boolean weightBased = indicator != Indicator.LENGTH_HEIGHT_FOR_AGE;
                boolean inputMissing = (weightBased && Double.isNaN(weight))
                    || (indicator != Indicator.WEIGHT_FOR_AGE && Double.isNaN(height));
                String expectedText = row.get(column);
                if (expectedText.isBlank()) {
                    if (weightBased && oedema) {
                        oedemaSkipped++;
                    } else if (inputMissing) {
                        missingInput++;
                    } else {
                        Optional<ZScore> z = compute(indicator, sex, days, weight, height, position);
                        blanksConfirmedEmpty++;
                        if (z.isPresent()) {
                            failures.add(id + " " + column + " WHO blank (out of range) but computed " + z.get());
                        }
                    }
                    continue;
                }
                double expected = Double.parseDouble(expectedText);
                Optional<ZScore> z = inputMissing ? Optional.empty()
                    : compute(indicator, sex, days, weight, height, position);
                if (z.isEmpty()) {
                    failures.add(id + " " + column + " expected " + expected + " but no z-score computed");
                    continue;
                }
                double computed = z.get().z;
                if (indicator != Indicator.WEIGHT_FOR_LENGTH_HEIGHT && days >= AgeReference.SWITCH_TO_2007_DAYS) {
                    junctionChecked++;
                    if (!"WHO 2007".equals(z.get().reference) || Math.abs(computed - expected) > JUNCTION_TOLERANCE) {
                        failures.add(id + " " + column + " at " + days + " days: igrowup (2006 extended) " + expected
                            + ", WHO 2007 expected within " + JUNCTION_TOLERANCE + " but computed " + z.get());
                    }
                    continue;
                }
                if (Math.abs(computed - expected) > TOLERANCE) {
                    failures.add(String.format(Locale.ROOT, "%s %s day %.0f expected %.2f computed %.4f",
                        id, column, days, expected, computed));
                } else {
                    reproduced++;
                }
            }
        }

        int checked = reproduced + blanksConfirmedEmpty + junctionChecked + derivedChecked;
        String summary = String.format(Locale.ROOT,
            "%d rows; %d values checked: %d igrowup z-scores reproduced (|diff| <= 0.005), %d WHO blanks "
                + "confirmed empty, %d z-scores at 60-61 months checked against WHO 2007, %d _CLENHEI/_CBMI; "
                + "not computable: %d oedema (weight-based), %d missing weight/height; %d failures%s",
            rows.size(), checked, reproduced, blanksConfirmedEmpty, junctionChecked, derivedChecked,
            oedemaSkipped, missingInput, failures.size(), failures.isEmpty() ? "" : ":\n" + String.join("\n", failures));
        System.out.println("SurveyValidationTest: " + summary);

        assertTrue(failures.isEmpty(), summary);
        assertEquals(498, rows.size(), summary);
        assertEquals(1887, reproduced, summary);
        assertEquals(12, junctionChecked, summary);
        assertTrue(reproduced + junctionChecked + oedemaSkipped + missingInput + blanksConfirmedEmpty == 498 * 4,
            "every z cell of every row accounted for: " + summary);
        assertTrue(checked >= 1900, summary);
    }

    private Optional<ZScore> compute(Indicator indicator, Sex sex, double days, double weight, double height,
                                     Position position) {
        switch (indicator) {
            case WEIGHT_FOR_AGE:
                return who.zScore(indicator, sex, days, weight, position, null);
            case LENGTH_HEIGHT_FOR_AGE:
                return who.zScore(indicator, sex, days, height, position, null);
            case WEIGHT_FOR_LENGTH_HEIGHT:
                return who.zScore(indicator, sex, days, weight, position, height);
            case BMI_FOR_AGE:
                return who.zScore(indicator, sex, days, GrowthStandards.bmi(weight, height, days, position),
                    position, null);
            default:
                throw new IllegalArgumentException(indicator.toString());
        }
    }

    private static Indicator indicator(String column) {
        switch (column) {
            case "_ZWEI":
                return Indicator.WEIGHT_FOR_AGE;
            case "_ZLEN":
                return Indicator.LENGTH_HEIGHT_FOR_AGE;
            case "_ZWFL":
                return Indicator.WEIGHT_FOR_LENGTH_HEIGHT;
            case "_ZBMI":
                return Indicator.BMI_FOR_AGE;
            default:
                throw new IllegalArgumentException(column);
        }
    }
}
