package org.pediconsult.consultation.internal.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.pediconsult.platform.api.security.Role;

/** Issue 12: a hospital patient number is written only by the HIS; one child per identifier. */
class HisIdentifiersTest {
    private static AuthenticatedUser as(Role role) {
        return new AuthenticatedUser("someone", EnumSet.of(role));
    }

    @Test
    void onlyTheHisWritesHisIdentifiers() {
        for (String type : new String[] {"HIS", "his", " HIS "}) {
            ProblemException e = assertThrows(ProblemException.class, () -> HisIdentifiers.requireWriter(as(Role.GUARDIAN), type));
            assertEquals(403, e.toProblem().status);
            assertEquals("his_identifier_reserved", e.code());
            assertEquals("idType", e.toProblem().field);
        }
        assertThrows(ProblemException.class, () -> HisIdentifiers.requireWriter(as(Role.INTEGRATION_ADMIN), "HIS"));
        assertDoesNotThrow(() -> HisIdentifiers.requireWriter(as(Role.SYSTEM_HIS), "HIS"));
        assertDoesNotThrow(() -> HisIdentifiers.requireWriter(as(Role.GUARDIAN), "RESIDENT_ID"));
        assertDoesNotThrow(() -> HisIdentifiers.requireWriter(as(Role.GUARDIAN), null));
    }

    @Test
    void aTakenIdentifierIsAConflictOtherFailuresStayFailures() {
        ProblemException taken = assertThrows(ProblemException.class,
                () -> HisIdentifiers.insertUnique(() -> { throw new SQLException("duplicate", "23505"); }));
        assertEquals(409, taken.toProblem().status);
        assertEquals("identifier_taken", taken.code());
        assertThrows(SQLException.class, () -> HisIdentifiers.insertUnique(() -> { throw new SQLException("disk", "53100"); }));
    }
}
