package org.pediconsult.platform.api.report;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;


/**
 * The months of a report period as a portable SQL bucket: {@code CASE WHEN ts < ? THEN 0 WHEN ts < ?
 * THEN 1 ... ELSE n-1 END}, the boundaries being the first instants of the months in the pilot's zone,
 * computed here (no database date function, no UTC month from EXTRACT). Rows must be restricted to the
 * period by the query ({@code ts >= start AND ts < end}). The same expression works on H2 and PostgreSQL.
 *
 * @since 1.0
 */
public final class MonthBuckets {
    private final ReportPeriod period;
    private final List<YearMonth> months;
    /** The first instant of the 2nd, 3rd, ... month in the zone. */
    private final List<Instant> boundaries = new ArrayList<>();

    public MonthBuckets(ReportPeriod period) {
        this.period = period;
        this.months = period.months();
        for (int i = 1; i < months.size(); i++) {
            boundaries.add(months.get(i).atDay(1).atStartOfDay(period.zone()).toInstant());
        }
    }

    public List<YearMonth> months() {
        return months;
    }

    public int size() {
        return months.size();
    }

    /** The bucket expression of a timestamp column; binds {@link #size()} - 1 parameters. */
    public String caseOf(String column) {
        if (boundaries.isEmpty()) {
            return "0";
        }
        StringBuilder sql = new StringBuilder("CASE");
        for (int i = 0; i < boundaries.size(); i++) {
            sql.append(" WHEN ").append(column).append(" < ? THEN ").append(i);
        }
        return sql.append(" ELSE ").append(boundaries.size()).append(" END").toString();
    }

    /** Binds the bucket boundaries from parameter {@code index}; answers the next parameter index. */
    public int bind(PreparedStatement ps, int index) throws SQLException {
        for (Instant b : boundaries) {
            ps.setObject(index++, at(b));
        }
        return index;
    }

    /** Binds the period's start and end (exclusive) from {@code index}; answers the next index. */
    public int bindPeriod(PreparedStatement ps, int index) throws SQLException {
        ps.setObject(index++, at(period.start()));
        ps.setObject(index++, at(period.end()));
        return index;
    }

    public static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** {@code 2026-03}: the month column's text. */
    public String label(int bucket) {
        return months.get(bucket).toString();
    }
}
