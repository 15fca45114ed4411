package org.pediconsult.platform.api.data;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain JDBC for bundles' stores: statements with bound parameters ({@code Instant}, {@code LocalDate},
 * enums by name, {@code null} untyped so PostgreSQL infers the column's type) and row mappers.
 *
 * @since 1.3
 */
public final class Sql {
    /** Maps the current row. */
    public interface Mapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private Sql() {
    }

    public static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        }
    }

    public static <T> List<T> list(Connection c, String sql, Mapper<T> mapper, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
                return out;
            }
        }
    }

    /** One row of a streamed query. @since 1.4 */
    @FunctionalInterface
    public interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    /**
     * Streams the rows to {@code row} one at a time, without collecting them (a report's pass over a year of rows).
     * Parameters are bound as by {@link #update}.
     *
     * @since 1.4
     */
    public static void each(Connection c, String sql, Row row, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.accept(rs);
                }
            }
        }
    }

    public static <T> T one(Connection c, String sql, Mapper<T> mapper, Object... params) throws SQLException {
        List<T> l = list(c, sql, mapper, params);
        return l.isEmpty() ? null : l.get(0);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    public static Double dbl(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p == null) {
                ps.setNull(i + 1, Types.NULL); // untyped: PostgreSQL infers the column type
            } else if (p instanceof Instant t) {
                ps.setTimestamp(i + 1, Timestamp.from(t));
            } else if (p instanceof LocalDate d) {
                ps.setDate(i + 1, Date.valueOf(d));
            } else if (p instanceof Enum<?> e) {
                ps.setString(i + 1, e.name());
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }
}
