package org.pediconsult.specialty.nutrition.internal;

/**
 * MUAC cut-offs (115 mm, 125 mm) are validated for children of 6 to 59 months only (WHO/UNICEF joint
 * statement on child growth standards and identification of SAM, 2009; WHO 2013 guideline "Updates on
 * the management of severe acute malnutrition in infants and children"). Outside that window a
 * MUAC answer is kept for the physician but drives no rule.
 */
public final class MuacAgeWindow {
    static final int FROM_MONTHS = 6;
    static final int TO_MONTHS = 59;

    private MuacAgeWindow() {
    }

    /** True for 6 to 59 completed months, both inclusive. */
    public static boolean applies(int ageMonths) {
        return ageMonths >= FROM_MONTHS && ageMonths <= TO_MONTHS;
    }
}
