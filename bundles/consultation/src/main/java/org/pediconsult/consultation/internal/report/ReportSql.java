package org.pediconsult.consultation.internal.report;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.pediconsult.platform.api.data.Sql;
import org.pediconsult.platform.api.report.Label;
import org.pediconsult.platform.api.report.ReportPeriod;

/** Shared SQL and arithmetic of the consultation bundle's report sections (portable SQL: H2 and PostgreSQL). */
final class ReportSql {
    static final Label UNASSIGNED = Label.of("未分配", "unassigned");
    static final Label OTHER = Label.of("其他", "other");
    /** A free-text reason is shown only when this many consultations gave it (it may name a child's details). */
    static final int MIN_REASON_COUNT = 3;

    private ReportSql() {
    }

    /** The index of the period's month an instant falls in (0 = the first month; clamped to the period). */
    static int monthIndex(ReportPeriod period, Instant at) {
        java.time.YearMonth first = java.time.YearMonth.from(period.from());
        int i = (int) first.until(period.monthOf(at), java.time.temporal.ChronoUnit.MONTHS);
        return Math.max(0, Math.min(i, period.months().size() - 1));
    }

    /** Streams a query's rows (platform-api {@code Sql.each}); parameters as a list, built with {@link #params}. */
    static void query(Connection c, String sql, List<Object> params, Sql.Row handler) throws SQLException {
        Sql.each(c, sql, handler, params.toArray());
    }

    static List<Object> params(Object... first) {
        return new ArrayList<>(Arrays.asList(first));
    }

    /** Nearest-rank percentile (p in 0..100) of values; null for none. Sorts {@code values} in place. */
    static Double percentile(double[] values, double p) {
        if (values.length == 0) {
            return null;
        }
        Arrays.sort(values);
        int rank = (int) Math.ceil(p / 100.0 * values.length);
        return values[Math.max(0, Math.min(values.length - 1, rank - 1))];
    }

    static Double round1(Double v) {
        return v == null ? null : Math.round(v * 10.0) / 10.0;
    }

    /** {@code part} of {@code whole} as a percentage with one decimal; null when whole is 0. */
    static Double percent(long part, long whole) {
        return whole == 0 ? null : round1(100.0 * part / whole);
    }

    /** A free-text reason as a cell: trimmed, at most 200 characters, "未填写/not given" when blank. */
    static Object reason(String text) {
        if (text == null || text.isBlank()) {
            return Label.of("未填写", "not given");
        }
        String t = text.strip();
        return t.length() > 200 ? t.substring(0, 200) + "…" : t;
    }

    /** A triage level or state code as a bilingual label. */
    static Label triage(String level) {
        if (level == null) {
            return Label.of("无分诊（复诊）", "no triage (follow-up)");
        }
        switch (level) {
            case "REMOTE_OK": return Label.of("可线上问诊", "remote consultation suitable");
            case "IN_PERSON": return Label.of("需线下就诊", "in-person visit needed");
            case "EMERGENCY": return Label.of("急诊", "emergency");
            default: return Label.plain(level);
        }
    }
}
