package org.pediconsult.prescription.internal.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.pediconsult.platform.api.Problem;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.prescription.api.PrescriptionItem;

/**
 * Shape and size limits of a draft (400 naming every bad field): clinical limits are the rules' job and
 * are reported as check results, but nothing unbounded or nonsensical is stored.
 */
final class DraftValidation {
    private DraftValidation() {
    }

    static void require(Draft d, int maxItems, LocalDate today) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (d == null) {
            throw ProblemException.badField("items", "send {items: [...]}");
        }
        if (d.items == null) {
            d.items = new ArrayList<>();
        }
        if (d.items.size() > maxItems) {
            errors.add(new Problem.FieldError("items", "at most " + maxItems + " items in one prescription"));
        }
        for (int i = 0; i < Math.min(d.items.size(), maxItems); i++) {
            PrescriptionItem it = d.items.get(i);
            String f = "items[" + i + "]";
            if (it == null) {
                errors.add(new Problem.FieldError(f, "an item is required"));
                continue;
            }
            text(errors, f + ".code", it.code, 60, true);
            text(errors, f + ".frequency", it.frequency, 10, false);
            text(errors, f + ".quantityUnit", it.quantityUnit, 20, false);
            positive(errors, f + ".dose", it.dose, 100_000);
            positive(errors, f + ".quantity", it.quantity, 100_000);
            if (it.durationDays != null && (it.durationDays < 1 || it.durationDays > 366)) {
                errors.add(new Problem.FieldError(f + ".durationDays", "between 1 and 366 days"));
            }
            if (it.sites != null && it.sites.size() > 9) {
                errors.add(new Problem.FieldError(f + ".sites", "at most 9 body sites"));
            }
            if (it.instructions != null) {
                text(errors, f + ".instructions.zh", it.instructions.zh, 500, false);
                text(errors, f + ".instructions.en", it.instructions.en, 500, false);
            }
        }
        text(errors, "chronicReason", d.chronicReason, 500, false);
        text(errors, "diagnosis", d.diagnosis, 1000, false);
        if (d.weightKg != null || d.weightDate != null) {
            if (d.weightKg == null || d.weightDate == null) {
                errors.add(new Problem.FieldError("weightKg", "a measured weight needs both weightKg and weightDate"));
            } else {
                positive(errors, "weightKg", d.weightKg, 150);
                if (d.weightDate.isAfter(today)) {
                    errors.add(new Problem.FieldError("weightDate", "a weight cannot be measured in the future"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException("invalid_prescription", errors);
        }
    }

    private static void text(List<Problem.FieldError> errors, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new Problem.FieldError(field, "required"));
            }
        } else if (value.length() > max) {
            errors.add(new Problem.FieldError(field, "at most " + max + " characters"));
        }
    }

    private static void positive(List<Problem.FieldError> errors, String field, Double value, double max) {
        if (value != null && (!Double.isFinite(value) || value <= 0 || value > max)) {
            errors.add(new Problem.FieldError(field, "a number above 0 and at most " + (long) max));
        }
    }
}
