package org.pediconsult.specialty.api;

import java.util.Objects;

/**
 * One answer a specialty refuses, by its path in the assessment ({@code answers.heightCm}), with a
 * reason a guardian can act on. Never quote the value.
 *
 * @since 1.1
 */
public final class FieldProblem {
    public final String field;
    /** The reason in English (the API's {@code detail}). */
    public final String detail;
    /**
     * The reason in Chinese and English, shown in the guardian's language; null for 1.1 problems.
     *
     * @since 1.4
     */
    public final LocalizedText message;

    public FieldProblem(String field, String detail) {
        this.field = field;
        this.detail = detail;
        this.message = null;
    }

    /** @since 1.4 */
    public FieldProblem(String field, LocalizedText message) {
        this.field = field;
        this.message = Objects.requireNonNull(message, "message");
        this.detail = message.en;
    }
}
