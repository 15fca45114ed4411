package org.pediconsult.pharmacy.internal.delivery.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Cold chain (label storage 2-8 °C, {@code cold.min.celsius}/{@code cold.max.celsius}): a reading outside the
 * range, edges included in the range, is an excursion; the parcel is then never handed over. Readings from the
 * courier's device are checked with {@link #invalid} before anything is stored or judged: a value that is not a
 * number, or a time more than {@link #MAX_CLOCK_SKEW} ahead of the server's clock, is bad input, not an excursion.
 */
public final class ColdChainPolicy {

    /** How far a reading's time may lie ahead of the server's clock (device clocks drift a little). */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    private ColdChainPolicy() {
    }

    /** One logger reading as uploaded: idempotent by {@code readingId}. */
    public record Reading(String readingId, Instant at, double celsius) {
    }

    /**
     * Why a reading of an upload is bad input.
     *
     * @param index its position in the upload (0-based)
     * @param field {@code readingId}, {@code at} or {@code celsius}
     */
    public record Invalid(int index, String readingId, String field, String messageEn, String messageZh) {
    }

    /** {@code min <= celsius <= max}; a NaN is never in range. */
    public static boolean inRange(double celsius, double min, double max) {
        return celsius >= min && celsius <= max;
    }

    /**
     * The first bad reading of an upload, in upload order, or empty when all are valid input.
     *
     * @param now the server's clock
     */
    public static Optional<Invalid> invalid(List<Reading> readings, Instant now) {
        Objects.requireNonNull(readings, "readings");
        Objects.requireNonNull(now, "now");
        Instant latest = now.plus(MAX_CLOCK_SKEW);
        for (int i = 0; i < readings.size(); i++) {
            Reading r = readings.get(i);
            if (r == null || r.readingId() == null || r.readingId().isBlank()) {
                return Optional.of(new Invalid(i, null, "readingId", "reading " + i + " has no readingId",
                        "第 " + i + " 条读数缺少 readingId"));
            }
            String id = r.readingId();
            if (r.at() == null) {
                return Optional.of(new Invalid(i, id, "at", "reading " + id + " has no time",
                        "读数 " + id + " 缺少时间"));
            }
            if (r.at().isAfter(latest)) {
                return Optional.of(new Invalid(i, id, "at",
                        "reading " + id + " is dated " + r.at() + ", more than " + MAX_CLOCK_SKEW.toMinutes() + " minutes after the server's time " + now,
                        "读数 " + id + " 的时间 " + r.at() + " 晚于服务器时间 " + now + " 超过 " + MAX_CLOCK_SKEW.toMinutes() + " 分钟"));
            }
            if (!Double.isFinite(r.celsius())) {
                return Optional.of(new Invalid(i, id, "celsius",
                        "reading " + id + " has no valid temperature (" + r.celsius() + ")",
                        "读数 " + id + " 的温度无效（" + r.celsius() + "）"));
            }
        }
        return Optional.empty();
    }

    /**
     * The earliest reading (by time; on equal times the first in the list) outside {@code [min, max]}, or empty
     * when the whole batch is in range. Expects readings that passed {@link #invalid}.
     */
    public static Optional<Reading> firstExcursion(List<Reading> readings, double min, double max) {
        Objects.requireNonNull(readings, "readings");
        Reading first = null;
        for (Reading r : readings) {
            if (!inRange(r.celsius(), min, max) && (first == null || r.at().isBefore(first.at()))) {
                first = r;
            }
        }
        return Optional.ofNullable(first);
    }
}
