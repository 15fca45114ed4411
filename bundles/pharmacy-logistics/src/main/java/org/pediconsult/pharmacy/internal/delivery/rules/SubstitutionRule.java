package org.pediconsult.pharmacy.internal.delivery.rules;

import java.util.Objects;

/**
 * A product other than the prescribed one is dispensed only with a recorded reason (domain notes:
 * "Substitution only with a recorded reason"). A missing (null or blank) product code means the prescribed
 * product was given. Codes are compared exactly, ignoring surrounding blanks. The reason, when given, is at
 * most {@value #MAX_REASON_LENGTH} characters (stripped), substitution or not, since it is stored as given.
 */
public final class SubstitutionRule {

    public static final int MAX_REASON_LENGTH = 500;

    /** Stable codes of a refusal (the field is the item's {@code substitutionReason}). */
    public static final String REASON_MISSING = "substitution_reason_missing";
    public static final String REASON_TOO_LONG = "substitution_reason_too_long";

    private SubstitutionRule() {
    }

    /**
     * @param passed the item may be recorded as given
     * @param substitution another product than the prescribed one was given
     * @param code {@code null} when passed, else {@link #REASON_MISSING} or {@link #REASON_TOO_LONG}
     */
    public record Result(boolean passed, boolean substitution, String code, String messageEn, String messageZh) {
    }

    public static Result check(String prescribedCode, String productCode, String reason) {
        Objects.requireNonNull(prescribedCode, "prescribedCode");
        String prescribed = prescribedCode.strip();
        boolean substitution = productCode != null && !productCode.isBlank() && !productCode.strip().equals(prescribed);
        String given = substitution ? productCode.strip() : prescribed;
        boolean hasReason = reason != null && !reason.isBlank();
        if (hasReason && reason.strip().length() > MAX_REASON_LENGTH) {
            return new Result(false, substitution, REASON_TOO_LONG,
                    "the substitution reason has " + reason.strip().length() + " characters; at most "
                            + MAX_REASON_LENGTH + " are allowed",
                    "替代原因共 " + reason.strip().length() + " 个字符，最多允许 " + MAX_REASON_LENGTH + " 个");
        }
        if (!substitution) {
            return new Result(true, false, null, "the prescribed product " + prescribed + " is given",
                    "发放处方药品 " + prescribed);
        }
        if (!hasReason) {
            return new Result(false, true, REASON_MISSING,
                    "product " + given + " is given instead of the prescribed " + prescribed
                            + ": a substitution needs a reason",
                    "以 " + given + " 替代处方药品 " + prescribed + "：替代须填写原因");
        }
        return new Result(true, true, null,
                "product " + given + " is given instead of the prescribed " + prescribed + ", with a reason",
                "以 " + given + " 替代处方药品 " + prescribed + "，已填写原因");
    }
}
