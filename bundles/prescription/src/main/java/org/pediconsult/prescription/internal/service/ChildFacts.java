package org.pediconsult.prescription.internal.service;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.pediconsult.consultation.api.ChildRecords;
import org.pediconsult.consultation.api.dto.AllergyDTO;
import org.pediconsult.consultation.api.dto.AssessmentDTO;
import org.pediconsult.consultation.api.dto.ObservationDTO;
import org.pediconsult.platform.api.security.AuthenticatedUser;

/**
 * The facts about a child that the checks need, read from the consultation record as the prescribing
 * physician (audited there): the newest weight from the assessments of the specialty ({@code weightKg},
 * alone or in {@code measurements[]} with their {@code date}) or from the hospital's observations (LOINC
 * 29463-7 in kg), and the recorded allergies. A weight the physician measured during the call and entered
 * with the prescription wins.
 */
final class ChildFacts {
    static final String WEIGHT_LOINC = "29463-7";

    record Weight(Double kg, LocalDate date, String source) {
        static final Weight NONE = new Weight(null, null, null);
    }

    private ChildFacts() {
    }

    static Weight weight(ChildRecords records, AuthenticatedUser physician, String childId, String specialtyId,
                         Double enteredKg, LocalDate enteredDate, ZoneId zone) {
        if (enteredKg != null && enteredDate != null) {
            return new Weight(enteredKg, enteredDate, "PHYSICIAN");
        }
        Weight best = Weight.NONE;
        for (AssessmentDTO a : records.assessments(physician, childId, specialtyId)) {
            best = newer(best, fromAnswers(a.answers, a.submittedAt == null ? null : LocalDate.ofInstant(a.submittedAt, zone)));
            Object m = a.answers == null ? null : a.answers.get("measurements");
            if (m instanceof List<?> list) {
                for (Object o : list) {
                    if (o instanceof Map<?, ?> row) {
                        best = newer(best, fromAnswers(row, null));
                    }
                }
            }
        }
        for (ObservationDTO o : records.observations(physician, childId, WEIGHT_LOINC)) {
            if (o.numericValue != null && o.observedAt != null
                    && (o.units == null || o.units.toLowerCase(Locale.ROOT).startsWith("kg"))) {
                best = newer(best, new Weight(o.numericValue, LocalDate.ofInstant(o.observedAt, zone), "HIS"));
                break; // newest first
            }
        }
        return best;
    }

    static List<String> allergies(ChildRecords records, AuthenticatedUser physician, String childId) {
        List<String> out = new ArrayList<>();
        for (AllergyDTO a : records.allergies(physician, childId)) {
            out.add(a.substance.toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private static Weight fromAnswers(Map<?, ?> answers, LocalDate fallbackDate) {
        if (answers == null || !(answers.get("weightKg") instanceof Number n)) {
            return Weight.NONE;
        }
        LocalDate date = fallbackDate;
        if (answers.get("date") instanceof String s) {
            try {
                date = LocalDate.parse(s);
            } catch (java.time.format.DateTimeParseException e) {
                // keep the submission day
            }
        }
        return date == null ? Weight.NONE : new Weight(n.doubleValue(), date, "ASSESSMENT");
    }

    private static Weight newer(Weight a, Weight b) {
        if (b.kg() == null) {
            return a;
        }
        if (a.kg() == null || b.date().isAfter(a.date())) {
            return b;
        }
        return a;
    }
}
