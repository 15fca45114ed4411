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
