package org.pediconsult.consultation.internal.service;

import java.sql.SQLException;

import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.pediconsult.platform.api.security.Role;

/**
 * Identifiers that belong to the hospital: an identifier of type {@code HIS} is the HIS's patient
 * number, written only by the HIS (its HL7 interface, or a caller with the SYSTEM_HIS role). Anyone
 * else claiming one could be matched to that hospital patient and receive its demographics and
 * results. And one child per identifier: a second registration of a known identifier is a conflict.
 */
final class HisIdentifiers {
    static final String TYPE = HisPatientsService.ID_TYPE;
    /** SQL state of a unique-key violation, on H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";

    private HisIdentifiers() {
    }

    /** Refuses an HIS identifier from anyone but the HIS. */
    static void requireWriter(AuthenticatedUser u, String idType) {
        if (idType != null && TYPE.equalsIgnoreCase(idType.trim()) && !u.has(Role.SYSTEM_HIS)) {
            throw new ProblemException(403, "his_identifier_reserved",
                    "identifiers of type " + TYPE + " are the hospital's patient numbers and come only from the HIS",
                    "idType");
        }
    }

    /** Runs an insert of a child; a taken identifier answers 409 instead of a server error. */
    static void insertUnique(Insert insert) throws SQLException {
        try {
            insert.run();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw ProblemException.conflict("identifier_taken",
                        "a child with this identifier is already registered; ask the hospital to link you to the child");
            }
            throw e;
        }
    }

    /** One insert. */
    @FunctionalInterface
    interface Insert {
        void run() throws SQLException;
    }
}
