package org.pediconsult.platform.internal.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Locks a user name after too many failed logins inside a sliding window. Kept in memory per node:
 * a restart clears it (documented; a shared store is the cluster follow-up).
 */
final class LoginLockout {
    private final Clock clock;
    private final int maxFailures;
    private final Duration window;
    private final Duration lockout;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Map<String, Instant> lockedUntil = new ConcurrentHashMap<>();

    LoginLockout(Clock clock, int maxFailures, Duration window, Duration lockout) {
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
        this.lockout = lockout;
    }

    /** Seconds the user stays locked, 0 when not locked. */
    long lockedSeconds(String username) {
        Instant until = lockedUntil.get(username);
        if (until == null) {
            return 0;
        }
        long left = Duration.between(clock.instant(), until).toSeconds();
        if (left <= 0) {
            lockedUntil.remove(username);
            return 0;
        }
        return left;
    }

    /** Records a failure; returns true when this failure locks the user. */
    boolean failed(String username) {
        Instant now = clock.instant();
        Deque<Instant> recent = failures.computeIfAbsent(username, u -> new ArrayDeque<>());
        synchronized (recent) {
            recent.addLast(now);
            while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(window))) {
                recent.removeFirst();
            }
            if (recent.size() >= maxFailures) {
                recent.clear();
                lockedUntil.put(username, now.plus(lockout));
                return true;
            }
            return false;
        }
    }

    void succeeded(String username) {
        failures.remove(username);
    }
}
