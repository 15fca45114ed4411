package org.pediconsult.pharmacy.internal.delivery.rules;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A dispensed lot must last the whole course plus a safety margin (domain notes: "A lot that expires before
 * the end of the course (or within a configurable margin) is refused"): its expiry must be on or after
 * {@code today + courseDays + marginDays} (the limit date; an expiry on the limit passes). A lot already
 * past its expiry is refused in any case, with its own message.
 */
public final class LotExpiryRule {

    private LotExpiryRule() {
    }

    /**
     * The outcome, naming both dates so the pharmacist sees by how much a lot falls short.
     *
     * @param passed the lot may be dispensed
     * @param expired the expiry is before today (then {@code passed} is false)
     * @param limit the earliest acceptable expiry: today + course days + margin days
     * @param expiry the lot's expiry as given
     */
    public record Result(boolean passed, boolean expired, LocalDate limit, LocalDate expiry, String messageEn,
            String messageZh) {
    }

    /**
     * @param courseDays the item's course length in days (&gt;= 0)
     * @param marginDays {@code lot.expiry.margin.days} (&gt;= 0)
     */
    public static Result check(LocalDate expiry, LocalDate today, int courseDays, int marginDays) {
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(today, "today");
        if (courseDays < 0) {
            throw new IllegalArgumentException("courseDays: must not be negative, was " + courseDays);
        }
        if (marginDays < 0) {
            throw new IllegalArgumentException("marginDays: must not be negative, was " + marginDays);
        }
        LocalDate limit = today.plusDays(courseDays).plusDays(marginDays);
        String termsEn = "today " + today + " + " + courseDays + "-day course + " + marginDays + "-day margin";
        String termsZh = "今天 " + today + " + 疗程 " + courseDays + " 天 + 余量 " + marginDays + " 天";
        if (expiry.isBefore(today)) {
            return new Result(false, true, limit, expiry,
                    "the lot expired on " + expiry + "; an expired lot is never dispensed",
                    "该批号已于 " + expiry + " 过期；过期批号不得发药");
        }
        if (expiry.isBefore(limit)) {
            return new Result(false, false, limit, expiry,
                    "the lot expires on " + expiry + ", before the limit " + limit + " (" + termsEn + ")",
                    "该批号有效期至 " + expiry + "，早于要求的 " + limit + "（" + termsZh + "）");
        }
        return new Result(true, false, limit, expiry,
                "the lot expires on " + expiry + ", on or after the limit " + limit + " (" + termsEn + ")",
                "该批号有效期至 " + expiry + "，不早于要求的 " + limit + "（" + termsZh + "）");
    }
}
