package org.pediconsult.consultation.internal.rest;

import java.util.regex.Pattern;

import org.pediconsult.platform.api.ProblemException;

/** Field checks for request bodies: 400 naming the field, never echoing its value. */
final class Require {
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z_]{1,29}");

    private Require() {
    }

    static <T> T body(T body) {
        if (body == null) {
            throw new ProblemException(400, "body_required", "a JSON object is required as the request body");
        }
        return body;
    }

    static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badField(field, field + " is required");
        }
        if (value.length() > max) {
            throw ProblemException.badField(field, field + " must be at most " + max + " characters");
        }
        return value.trim();
    }

    static String optionalText(String field, String value, int max) {
        return value == null || value.isBlank() ? null : text(field, value, max);
    }

    /** An upper-case code such as MOTHER or RESIDENT_ID. */
    static String code(String field, String value) {
        String v = text(field, value, 30);
        if (!CODE.matcher(v).matches()) {
            throw ProblemException.badField(field, field + " must be an upper-case code such as MOTHER or LEGAL_GUARDIAN");
        }
        return v;
    }

    static <T> T present(String field, T value) {
        if (value == null) {
            throw ProblemException.badField(field, field + " is required");
        }
        return value;
    }
}
