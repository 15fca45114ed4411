package org.pediconsult.platform.internal.data;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

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
    private static final String COLUMNS = "SELECT LISTAGG(c.COLUMN_NAME || ' ' || c.ORDERING_SPECIFICATION || ' ' || "
            + "c.NULL_ORDERING, ',') WITHIN GROUP (ORDER BY c.ORDINAL_POSITION) FROM INFORMATION_SCHEMA.INDEX_COLUMNS c "
            + "WHERE c.INDEX_SCHEMA = %1$s.INDEX_SCHEMA AND c.INDEX_NAME = %1$s.INDEX_NAME AND c.TABLE_NAME = %1$s.TABLE_NAME";
    /** Schema, index, table and the constraint's index of every script index with a constraint's twin. */
    static final String TWINS = "SELECT e.INDEX_SCHEMA, e.INDEX_NAME, e.TABLE_NAME, MIN(g.INDEX_NAME) "
            + "FROM INFORMATION_SCHEMA.INDEXES e JOIN INFORMATION_SCHEMA.INDEXES g ON g.TABLE_SCHEMA = e.TABLE_SCHEMA "
            + "AND g.TABLE_NAME = e.TABLE_NAME AND g.INDEX_NAME <> e.INDEX_NAME "
            + "WHERE e.IS_GENERATED = FALSE AND e.INDEX_TYPE_NAME = 'INDEX' AND g.IS_GENERATED = TRUE "
            + "AND e.TABLE_SCHEMA <> 'INFORMATION_SCHEMA' "
            + "AND (" + String.format(COLUMNS, "e") + ") = (" + String.format(COLUMNS, "g") + ") "
            + "GROUP BY e.INDEX_SCHEMA, e.INDEX_NAME, e.TABLE_NAME ORDER BY e.TABLE_NAME, e.INDEX_NAME";

    private H2TwinIndexes() {
    }

    /** Drops every twin; returns "TABLE.INDEX (twin of CONSTRAINT_INDEX)" for each, in the order dropped. */
    static List<String> drop(Connection c) throws SQLException {
        List<String[]> twins = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(TWINS)) {
            while (rs.next()) {
                twins.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
            }
        }
        List<String> dropped = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            for (String[] t : twins) {
                s.execute("DROP INDEX IF EXISTS " + FlywaySchemaMigrations.quoted(t[0]) + "."
                        + FlywaySchemaMigrations.quoted(t[1]));
                dropped.add(t[2] + "." + t[1] + " (twin of " + t[3] + ")");
            }
        }
        return dropped;
    }
}
