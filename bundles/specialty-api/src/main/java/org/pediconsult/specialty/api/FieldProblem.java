package org.pediconsult.specialty.api;

/**
 * One answer a specialty refuses, by its path in the assessment ({@code answers.heightCm}), with a
 * reason a guardian can act on. Never quote the value.
 *
 * @since 1.1
 */
public final class FieldProblem {
    public final String field;
    public final String detail;

    public FieldProblem(String field, String detail) {
        this.field = field;
        this.detail = detail;
    }
}
