package org.pediconsult.platform.api;

import java.util.Map;

/**
 * Thrown by resources and services to answer with a {@link Problem}. The platform maps it to the
 * HTTP status and problem body; it is never logged with patient data.
 *
 * @since 1.0
 */
public class ProblemException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"), Map.entry(406, "Not Acceptable"),
            Map.entry(409, "Conflict"), Map.entry(413, "Payload Too Large"), Map.entry(415, "Unsupported Media Type"),
            Map.entry(422, "Unprocessable Entity"), Map.entry(423, "Locked"), Map.entry(429, "Too Many Requests"),
            Map.entry(500, "Internal Server Error"), Map.entry(503, "Service Unavailable"));

    private final int status;
    private final String code;
    private final String field;
    private final java.util.List<Problem.FieldError> errors;

    public ProblemException(int status, String code, String detail, String field) {
        super(detail);
        this.status = status;
        this.code = code;
        this.field = field;
        this.errors = null;
    }

    /**
     * A 400 naming every bad field; the detail lists them all.
     *
     * @since 1.1
     */
    public ProblemException(String code, java.util.List<Problem.FieldError> errors) {
        super(errors.stream().map(e -> e.field + ": " + e.detail).reduce((a, b) -> a + "; " + b).orElse("invalid input"));
        this.status = 400;
        this.code = code;
        this.field = errors.isEmpty() ? null : errors.get(0).field;
        this.errors = java.util.List.copyOf(errors);
    }

    /**
     * A problem of any status naming several fields (e.g. 422 {@code checks_failed}: each refused check of
     * a prescription item); the detail lists them all.
     *
     * @since 1.2
     */
    public ProblemException(int status, String code, java.util.List<Problem.FieldError> errors) {
        super(errors.stream().map(e -> e.field + ": " + e.detail).reduce((a, b) -> a + "; " + b).orElse("invalid input"));
        this.status = status;
        this.code = code;
        this.field = errors.isEmpty() ? null : errors.get(0).field;
        this.errors = java.util.List.copyOf(errors);
    }

    public ProblemException(int status, String code, String detail) {
        this(status, code, detail, null);
    }

    public static ProblemException badField(String field, String detail) {
        return new ProblemException(400, "invalid_field", detail, field);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not_found", what + " not found");
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", detail);
    }

    public static ProblemException conflict(String code, String detail) {
        return new ProblemException(409, code, detail);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }

    public Problem toProblem() {
        Problem p = new Problem(status, code, getMessage(), field);
        p.errors = errors;
        return p;
    }

    /** The standard reason phrase of an HTTP status, used as the problem title. */
    public static String reason(int status) {
        return REASONS.getOrDefault(status, status >= 500 ? "Server Error" : "Client Error");
    }
}
