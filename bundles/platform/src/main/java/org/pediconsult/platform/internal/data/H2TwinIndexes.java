package org.pediconsult.platform.internal.data;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * H2 only: drops a script's plain index when H2 already keeps one of its own on the same columns, in the same order.
 * <p>
 * A foreign key declared in {@code CREATE TABLE} gets an index made by H2 when the table is created (H2 checks the
 * key with it); a script's {@code CREATE INDEX} on the same column a line later is a second B-tree with the same
 * entries, written by every insert and by every update of the column. H2 keeps the first one for the constraint and
 * will not let it go ({@code DROP INDEX} of a constraint's index is refused), so the script's twin goes. On a
 * durable H2 each commit rewrites every changed page of every B-tree, so a twin costs each commit a page
 * (consult_transition's index on consultation_id: every state change of a consultation; docs/benchmarks.md).
 * <p>
 * Only a non-unique index is dropped, and only when a constraint's index (foreign key, unique or primary key) has
 * exactly its columns, orderings and null orderings: every query it served is served the same by the twin, and
 * nothing it enforced is lost. PostgreSQL makes no index for a foreign key, so nothing is done there and the
 * script's index stays the only one. A later script must write {@code DROP INDEX IF EXISTS} for an index that may
 * have been a twin.
 */
final class H2TwinIndexes {
    /**
     * Every index with its columns, in one read of H2's meta tables: a query comparing each pair of indexes inside SQL
     * read them once a pair, 140 ms of a cold start over the suite's modules (this read: under 50 ms).
     */
    static final String INDEXES = "SELECT i.INDEX_SCHEMA, i.TABLE_NAME, i.INDEX_NAME, i.INDEX_TYPE_NAME, i.IS_GENERATED, "
            + "c.COLUMN_NAME, c.ORDERING_SPECIFICATION, c.NULL_ORDERING FROM INFORMATION_SCHEMA.INDEXES i "
            + "JOIN INFORMATION_SCHEMA.INDEX_COLUMNS c ON c.INDEX_SCHEMA = i.INDEX_SCHEMA AND c.TABLE_NAME = i.TABLE_NAME "
            + "AND c.INDEX_NAME = i.INDEX_NAME WHERE i.TABLE_SCHEMA <> 'INFORMATION_SCHEMA' "
            + "ORDER BY i.INDEX_SCHEMA, i.TABLE_NAME, i.INDEX_NAME, c.ORDINAL_POSITION";

    /** One index: {@code plain} a script's non-unique index, {@code generated} one H2 made for a constraint. */
    private record Index(String schema, String table, String name, boolean plain, boolean generated, StringBuilder columns) {
        /** Where a twin of this index would be: its table and its columns with their orderings. */
        List<String> place() {
            return List.of(schema, table, columns.toString());
        }
    }

    private H2TwinIndexes() {
    }

    /** Drops every twin; returns "TABLE.INDEX (twin of CONSTRAINT_INDEX)" for each, in the order dropped. */
    static List<String> drop(Connection c) throws SQLException {
        Map<List<String>, Index> indexes = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(INDEXES)) {
            while (rs.next()) {
                List<String> key = List.of(rs.getString(1), rs.getString(2), rs.getString(3));
                boolean plain = "INDEX".equals(rs.getString(4));
                boolean generated = rs.getBoolean(5);
                indexes.computeIfAbsent(key, k -> new Index(k.get(0), k.get(1), k.get(2), plain, generated,
                        new StringBuilder())).columns().append(rs.getString(6)).append(' ').append(rs.getString(7))
                        .append(' ').append(rs.getString(8)).append(',');
            }
        }
        Map<List<String>, String> constraints = new HashMap<>();
        for (Index index : indexes.values()) {
            if (index.generated()) {
                constraints.putIfAbsent(index.place(), index.name());
            }
        }
        List<String> dropped = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            for (Index index : indexes.values()) {
                String own = index.plain() && !index.generated() ? constraints.get(index.place()) : null;
                if (own != null) {
                    s.execute("DROP INDEX IF EXISTS " + FlywaySchemaMigrations.quoted(index.schema()) + "."
                            + FlywaySchemaMigrations.quoted(index.name()));
                    dropped.add(index.table() + "." + index.name() + " (twin of " + own + ")");
                }
            }
        }
        return dropped;
    }
}
