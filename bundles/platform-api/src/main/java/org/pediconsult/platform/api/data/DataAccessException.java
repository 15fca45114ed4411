package org.pediconsult.platform.api.data;

import java.sql.SQLException;

/**
 * A database failure. Its message carries only the SQLState, never SQL text or values (they may
 * hold patient data); the cause keeps the detail for the log.
 *
 * @since 1.2
 */
public final class DataAccessException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DataAccessException(SQLException cause) {
        super("database failure (SQLState " + cause.getSQLState() + ")", cause);
    }

    /** True for unique and foreign-key violations (SQLState class 23). */
    public static boolean isConstraintViolation(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }
}
