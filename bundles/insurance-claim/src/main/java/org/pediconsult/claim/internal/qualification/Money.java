package org.pediconsult.claim.internal.qualification;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts in yuan with 2 decimals. */
final class Money {
    private Money() {
    }

    /** {@code value} with scale 2; refused when negative or with more than 2 significant decimals. */
    static BigDecimal amount(BigDecimal value, String what) {
        if (value.signum() < 0) {
            throw new IllegalArgumentException(what + " must not be negative: " + value.toPlainString());
        }
        try {
            return value.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(what + " has more than 2 decimals: " + value.toPlainString());
        }
    }
}
