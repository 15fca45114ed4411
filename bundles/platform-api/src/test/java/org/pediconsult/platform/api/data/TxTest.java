package org.pediconsult.platform.api.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link Tx#joining}: the units of work of one thread commit once, a failed one leaves no trace. */
class TxTest {
    private JdbcDataSource dataSource;
    private Connection keepAlive;

    @BeforeEach
    void database() throws SQLException {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        keepAlive = dataSource.getConnection();
        try (Statement s = keepAlive.createStatement()) {
            s.execute("CREATE TABLE child (id VARCHAR(20) PRIMARY KEY, name VARCHAR(50))");
        }
    }

    private static void insert(Connection c, String id) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO child VALUES ('" + id + "', '王小明')");
        }
    }

    /** A unit of work that inserts one child. */
    private static Tx.Work<Void> inserting(String id) {
        return c -> {
            insert(c, id);
            return null;
        };
    }

    private List<String> committed() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM child ORDER BY id")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void unitsOfWorkJoinTheCallersTransactionAndCommitWithIt() throws SQLException {
        Tx tx = new Tx(dataSource);
        try (Connection batch = dataSource.getConnection()) {
            batch.setAutoCommit(false);
            Tx.joining(dataSource, batch, c -> {
                tx.inTransaction(inserting("a"));
                tx.inTransaction(inserting("b"));
                assertEquals(List.of(), committed(), "nothing is committed before the joining caller commits");
                assertEquals(Integer.valueOf(2), tx.<Integer>read(r -> {
                    try (Statement s = r.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM child")) {
                        rs.next();
                        return rs.getInt(1);
                    }
                }), "a read within sees the joined transaction's rows");
                return null;
            });
            batch.commit();
        }
        assertEquals(List.of("a", "b"), committed());
    }

    @Test
    void aFailedUnitIsRolledBackAloneAndTheRestCommits() throws SQLException {
        Tx tx = new Tx(dataSource);
        try (Connection batch = dataSource.getConnection()) {
            batch.setAutoCommit(false);
            Tx.joining(dataSource, batch, c -> {
                tx.inTransaction(inserting("a"));
                assertThrows(DataAccessException.class, () -> tx.inTransaction(w -> {
                    insert(w, "b");
                    insert(w, "a"); // duplicate key: this unit fails after writing b
                    return null;
                }));
                tx.inTransaction(inserting("c"));
                return null;
            });
            batch.commit();
        }
        assertEquals(List.of("a", "c"), committed(), "b was written by the failed unit and rolled back with it");
    }

    @Test
    void anotherDataSourceOrThreadDoesNotJoin() throws Exception {
        JdbcDataSource other = new JdbcDataSource();
        other.setURL(dataSource.getURL());
        Tx elsewhere = new Tx(other);
        Tx tx = new Tx(dataSource);
        try (Connection batch = dataSource.getConnection()) {
            batch.setAutoCommit(false);
            Tx.joining(dataSource, batch, c -> {
                elsewhere.inTransaction(inserting("x"));
                Thread t = new Thread(() -> tx.inTransaction(inserting("y")));
                t.start();
                try {
                    t.join();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return null;
            });
            batch.rollback();
        }
        assertEquals(List.of("x", "y"), committed(), "committed on their own, untouched by the joining caller's rollback");
    }

    @Test
    void joiningDoesNotNest() throws SQLException {
        try (Connection batch = dataSource.getConnection()) {
            batch.setAutoCommit(false);
            Tx.joining(dataSource, batch, c -> assertThrows(IllegalStateException.class,
                    () -> Tx.joining(dataSource, batch, inner -> null)));
        }
    }
}
