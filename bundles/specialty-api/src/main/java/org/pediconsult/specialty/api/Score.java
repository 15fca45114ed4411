package org.pediconsult.specialty.api;

import java.util.Objects;

/**
 * The result of a scored instrument in the questionnaire (e.g. PHQ-A total 14 of 27, "moderate"),
 * computed by the specialty from the answers ({@link Specialty#scores}). Stored with the assessment
 * and shown to the physician; not shown to the guardian.
 *
 * @param id the instrument's id, stable, e.g. {@code phq-a}
 * @param name the instrument's name
 * @param code the score's code where one exists (e.g. LOINC {@code 44261-6}); may be null
 * @param value the score
 * @param max the highest possible score; may be null
 * @param interpretation the band the score falls in, as the instrument's authors name it; may be null
 * @param answered how many of the instrument's items were answered
 * @param items how many items the instrument has
 * @since 1.4
 */
public record Score(String id, LocalizedText name, CodedValue code, double value, Double max,
                    LocalizedText interpretation, int answered, int items) {
    public Score {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
