package org.pediconsult.platform.api.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;

import javax.sql.DataSource;

/**
 * Runs work in one JDBC transaction on the platform DataSource: a bundle's state change, its outbox
 * event and its audit record commit together or not at all. SQL failures come out as
 * {@link DataAccessException} (answered 500 with an incident id, never in detail).
 *
 * @since 1.2
 */
public final class Tx {
    /** Work on a transaction's connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** The transaction this thread works in ({@link #joining}), or null. */
    private static final ThreadLocal<Joined> JOINED = new ThreadLocal<>();

    private record Joined(DataSource dataSource, Connection connection) {
    }

    private final DataSource dataSource;

    public Tx(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Runs {@code work} with {@code transaction} (auto-commit off; the caller commits or rolls it back) as this
     * thread's transaction on {@code dataSource}: meanwhile every {@link #inTransaction} of a {@code Tx} on the same
     * DataSource, in any bundle, on this thread, joins it as a savepoint (rolled back to when its work throws, so a
     * failed step leaves no trace and the caller goes on), and every {@link #read} reads through it. So a caller
     * that runs many small units of work (the HL7 processor: each stored message's patient upsert and its
     * contributed processors) commits them once, with its own rows, instead of once each. Work that opens its own
     * connection instead does not join, and waits on the rows the joined transaction holds: code that may run
     * joined uses {@code Tx} only.
     *
     * @since 1.5
     */
    public static <T> T joining(DataSource dataSource, Connection transaction, Work<T> work) throws SQLException {
        if (JOINED.get() != null) {
            throw new IllegalStateException("this thread already works in a joined transaction");
        }
        JOINED.set(new Joined(dataSource, transaction));
        try {
            return work.run(transaction);
        } finally {
            JOINED.remove();
        }
    }

    /** The joined transaction of this thread on this Tx's DataSource, or null. */
    private Connection joined() {
        Joined j = JOINED.get();
        return j != null && j.dataSource() == dataSource ? j.connection() : null;
    }

    /**
     * Runs {@code work} in a transaction: commit when it returns, roll back when it throws. Within
     * {@link #joining} on the same DataSource: a savepoint of that transaction, released when the work returns and
     * rolled back to when it throws; the joining caller commits.
     */
    public <T> T inTransaction(Work<T> work) {
        Connection joined = joined();
        if (joined != null) {
            return inSavepoint(joined, work);
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    private static <T> T inSavepoint(Connection c, Work<T> work) {
        try {
            Savepoint savepoint = c.setSavepoint();
            T result;
            try {
                result = work.run(c);
            } catch (SQLException | RuntimeException e) {
                c.rollback(savepoint);
                throw e;
            }
            c.releaseSavepoint(savepoint);
            return result;
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /** Read-only work with auto-commit (within {@link #joining}: on the joined transaction, seeing its rows). */
    public <T> T read(Work<T> work) {
        Connection joined = joined();
        if (joined != null) {
            try {
                return work.run(joined);
            } catch (SQLException e) {
                throw new DataAccessException(e);
            }
        }
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }
}
