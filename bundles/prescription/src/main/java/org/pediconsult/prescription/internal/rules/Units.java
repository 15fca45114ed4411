package org.pediconsult.prescription.internal.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.pediconsult.specialty.api.FormularyEntry.Unit;

/** Unit labels, numbers without trailing zeros ("15 mg/kg", "2.5 mg") and comparisons with a small epsilon. */
public final class Units {
    /** Two doubles closer than this (relative to the limit, at least absolute) count as equal: "at the limit" passes. */
    public static final double EPSILON = 1e-9;

    private Units() {
    }

    /** The unit as printed in limits, computed values and messages (both languages). */
    public static String label(Unit unit) {
        switch (unit) {
            case MG: return "mg";
            case MICROGRAM: return "microgram";
            case IU: return "IU";
            case ML: return "mL";
            case G: return "g";
            case SACHET: return "sachet";
            default: throw new IllegalArgumentException(String.valueOf(unit));
        }
    }

    /** A number with at most 3 decimals and no trailing zeros: 15.0 -> "15", 2.50 -> "2.5". */
    public static String num(double value) {
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** e.g. "2.5 mg". */
    public static String amount(double value, Unit unit) {
        return num(value) + " " + label(unit);
    }

    /** e.g. "mg/kg". */
    public static String perKg(Unit unit) {
        return label(unit) + "/kg";
    }

    /** value <= limit, allowing for rounding. */
    public static boolean atMost(double value, double limit) {
        return value <= limit + tolerance(limit);
    }

    /** value >= limit, allowing for rounding. */
    public static boolean atLeast(double value, double limit) {
        return value >= limit - tolerance(limit);
    }

    private static double tolerance(double limit) {
        return EPSILON * Math.max(1.0, Math.abs(limit));
    }
}
