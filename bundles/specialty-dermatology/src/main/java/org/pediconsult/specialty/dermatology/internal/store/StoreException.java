package org.pediconsult.specialty.dermatology.internal.store;

import java.sql.SQLException;

/** A database failure; the platform answers it as a 500 with an incident id, never in detail. */
public final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(SQLException cause) {
        super("database failure (SQLState " + cause.getSQLState() + ")", cause);
    }
}
