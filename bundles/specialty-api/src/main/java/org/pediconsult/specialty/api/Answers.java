package org.pediconsult.specialty.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads assessment answers as the consultation bundle hands them over (JSON values as Java: String,
 * Number, Boolean, List, Map). Stored assessments come back through Jackson, so a number may be an
 * Integer, a Long or a Double: always go through {@link Number}. A missing or mistyped answer reads
 * as absent rather than failing, because triage and charts must never fail on an old, differently
 * shaped assessment.
 *
 * @since 1.2
 */
public final class Answers {
    private Answers() {
    }

    public static Double number(Map<?, ?> answers, String key) {
        Object v = answers.get(key);
        return v instanceof Number ? ((Number) v).doubleValue() : null;
    }

    /** A whole number, rounded when the JSON carried a fraction. */
    public static Integer integer(Map<?, ?> answers, String key) {
        Object v = answers.get(key);
        return v instanceof Number ? (int) Math.round(((Number) v).doubleValue()) : null;
    }

    public static boolean isTrue(Map<?, ?> answers, String key) {
        return Boolean.TRUE.equals(answers.get(key));
    }

    /** The values of a MULTI_CHOICE answer; empty when absent. */
    public static Set<String> choices(Map<?, ?> answers, String key) {
        Set<String> out = new LinkedHashSet<>();
        Object v = answers.get(key);
        if (v instanceof List) {
            for (Object o : (List<?>) v) {
                if (o instanceof String) {
                    out.add((String) o);
                }
            }
        }
        return out;
    }

    /** An ISO date, or null when absent or not a date. */
    public static LocalDate date(Map<?, ?> answers, String key) {
        Object v = answers.get(key);
        if (!(v instanceof String)) {
            return null;
        }
        try {
            return LocalDate.parse((String) v);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
