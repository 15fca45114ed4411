package org.pediconsult.platform.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.pediconsult.platform.internal.MutableClock;

class LoginLockoutTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T08:00:00Z"));
    private final LoginLockout lockout = new LoginLockout(clock, 3, Duration.ofMinutes(15), Duration.ofMinutes(10));

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
}
