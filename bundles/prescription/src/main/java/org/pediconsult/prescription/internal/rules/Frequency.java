package org.pediconsult.prescription.internal.rules;

import java.util.Locale;

/**
 * The HL7 repeat patterns a prescription item may use, with the doses per 24 h and the hours between
 * doses they mean. {@link #parse(String)} is case-insensitive and gives null for anything else.
 */
public enum Frequency {
    QD(1, 24), BID(2, 12), TID(3, 8), QID(4, 6), Q4H(6, 4), Q6H(4, 6), Q8H(3, 8), Q12H(2, 12);

    /** Doses per 24 hours. */
    public final int dosesPerDay;
    /** Hours between two doses. */
    public final int intervalHours;

    Frequency(int dosesPerDay, int intervalHours) {
        this.dosesPerDay = dosesPerDay;
        this.intervalHours = intervalHours;
    }

    /** The frequency written as {@code text} (e.g. "tid", " Q6H "), or null when blank or unknown. */
    public static Frequency parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String code = text.trim().toUpperCase(Locale.ROOT);
        for (Frequency f : values()) {
            if (f.name().equals(code)) {
                return f;
            }
        }
        return null;
    }
}
