package org.pediconsult.prescription.internal.rules;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import org.pediconsult.prescription.api.PrescriptionItem;
import org.pediconsult.specialty.api.FormularyEntry;

/**
 * What the rules see: the prescription's items with their formulary entries (null for a code the
 * consultation's specialty does not list), the child (birth date, weight and its date, allergies as
 * lower-case ingredients or drug classes), the ingredients of the child's other active prescriptions,
 * the day of the check and the policy limits.
 *
 * @param entries        same size and order as {@code items}
 * @param weightKg       null when no weight is recorded
 * @param weightDate     the day the weight was measured, null with it
 * @param allergies      lower-case ingredients or drug classes
 * @param activeIngredients ingredients of the child's other active (AWAITING_REVIEW, APPROVED) prescriptions
 */
public record RuleContext(List<PrescriptionItem> items, List<FormularyEntry> entries, boolean emergency,
                          String chronicReason, LocalDate today, LocalDate birthDate, Double weightKg,
                          LocalDate weightDate, Set<String> allergies, Set<String> activeIngredients, Limits limits) {

    /** Full months from {@code from} to {@code to} (a child born on 15 March is 1 month old on 15 April, not on 14 April). */
    public static long fullMonths(LocalDate from, LocalDate to) {
        return ChronoUnit.MONTHS.between(from, to);
    }

    /** Full days from {@code from} to {@code to} (0 on the same day, negative when {@code to} is earlier). */
    public static long fullDays(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to);
    }

    /**
     * Policy limits from configuration (domain notes' defaults): 7 days of treatment, 3 for an
     * emergency, up to {@code chronicMaxDays} with a written reason; a weight older than
     * {@code weightMaxAgeDays} is refused.
     */
    public record Limits(int maxDays, int emergencyMaxDays, int chronicMaxDays, int weightMaxAgeDays) {
        public static Limits defaults() {
            return new Limits(7, 3, 30, 30);
        }
    }
}
