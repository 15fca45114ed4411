package org.pediconsult.consultation.internal.store;

import java.sql.SQLException;

/** A database failure; mapped to a 500 problem with an incident id, never shown in detail. */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(SQLException cause) {
        super("database failure (SQLState " + cause.getSQLState() + ")", cause);
    }

    /** True for unique/foreign-key violations (SQLState class 23). */
    public static boolean isConstraintViolation(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }
}
