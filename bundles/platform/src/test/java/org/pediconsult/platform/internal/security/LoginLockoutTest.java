package org.pediconsult.platform.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.pediconsult.platform.api.data.Tx;
import org.pediconsult.platform.internal.MutableClock;
import org.pediconsult.platform.internal.PlatformDatabase;

class LoginLockoutTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T08:00:00Z"));
    private final DataSource db = PlatformDatabase.migrated();
    private final LoginLockout lockout = lockout();

    private LoginLockout lockout() {
        return new LoginLockout(new Tx(db), clock, 3, Duration.ofMinutes(15), Duration.ofMinutes(10));
    }

    @Test
    void locksOnTheLastAllowedFailureAndOpensAfterTheDuration() {
        assertFalse(lockout.failed("dr.wang"));
        assertFalse(lockout.failed("dr.wang"));
        assertEquals(0, lockout.lockedSeconds("dr.wang"));
        assertTrue(lockout.failed("dr.wang"));
        assertEquals(600, lockout.lockedSeconds("dr.wang"));
        assertEquals(0, lockout.lockedSeconds("guardian.tang"), "other users are not affected");
        clock.advance(Duration.ofMinutes(10));
        assertEquals(0, lockout.lockedSeconds("dr.wang"));
    }

    @Test
    void failuresOutsideTheWindowAreForgotten() {
        lockout.failed("dr.wang");
        lockout.failed("dr.wang");
        clock.advance(Duration.ofMinutes(16));
        assertFalse(lockout.failed("dr.wang"));
        assertEquals(0, lockout.lockedSeconds("dr.wang"));
    }

    @Test
    void successResetsTheCount() {
        lockout.failed("dr.wang");
        lockout.failed("dr.wang");
        lockout.succeeded("dr.wang");
        assertFalse(lockout.failed("dr.wang"));
        assertFalse(lockout.failed("dr.wang"));
    }

    @Test
    void variantsOfOneUserNameShareTheLockout() {
        lockout.failed("dr.wang");
        lockout.failed(" DR.WANG");
        assertTrue(lockout.failed("Dr.Wang  "), "case and surrounding blanks do not make a new user name");
        assertEquals(600, lockout.lockedSeconds("dr.wang"));
        assertEquals(600, lockout.lockedSeconds("DR.wang "));
    }

    @Test
    void theLockoutIsInTheDatabaseSoARestartOrAnotherNodeSeesIt() {
        lockout.failed("guardian.tang");
        LoginLockout otherNode = lockout();
        otherNode.failed("guardian.tang");
        assertTrue(lockout().failed("guardian.tang"), "failures on three instances add up");
        LoginLockout afterRestart = lockout();
        assertEquals(600, afterRestart.lockedSeconds("guardian.tang"));
    }

    @Test
    void oldFailuresAndExpiredLocksAreDeleted() throws Exception {
        lockout.failed("a");
        lockout.failed("a");
        lockout.failed("a"); // locked
        lockout.failed("b");
        clock.advance(Duration.ofMinutes(16));
        lockout.failed("c");
        assertEquals(1, count("platform_login_failure"), "only c's failure is inside the window");
        assertEquals(0, count("platform_login_lock"), "a's lock has expired");
    }

    private int count(String table) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
