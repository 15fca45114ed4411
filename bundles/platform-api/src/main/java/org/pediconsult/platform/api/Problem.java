package org.pediconsult.platform.api;

/**
 * The one error body of every PediConsult REST endpoint, served as {@code application/problem+json}
 * (RFC 7807 members {@code type}, {@code title}, {@code status}, {@code detail}) with a stable
 * machine-readable {@code code} and, for input errors, the offending {@code field} (a JSON path such
 * as {@code guardian.phone}).
 *
 * @since 1.0
 */
public final class Problem {
    public static final String MEDIA_TYPE = "application/problem+json";

    public String type = "about:blank";
    public String title;
    public int status;
    public String code;
    /** Human-readable explanation, safe to show to the user: never patient data, passwords or tokens. */
    public String detail;
    public String field;
    /**
     * Every bad field when there are several (e.g. questionnaire answers); {@link #field} names the
     * first. Null when there is at most one.
     *
     * @since 1.1
     */
    public java.util.List<FieldError> errors;

    /**
     * One bad input field.
     *
     * @since 1.1
     */
    public static final class FieldError {
        public String field;
        public String detail;
        /** The detail in Chinese, when the check that refused the field gave one (null otherwise). @since 1.3 */
        public String detailZh;

        public FieldError() {
        }

        public FieldError(String field, String detail) {
            this.field = field;
            this.detail = detail;
        }

        /** @since 1.3 */
        public FieldError(String field, String detail, String detailZh) {
            this.field = field;
            this.detail = detail;
            this.detailZh = detailZh;
        }
    }

    public Problem() {
    }

    public Problem(int status, String code, String detail, String field) {
        this.status = status;
        this.code = code;
        this.detail = detail;
        this.field = field;
        this.title = ProblemException.reason(status);
    }
}
