package org.pediconsult.passwords.internal;

import java.time.Duration;
import java.util.Dictionary;

/**
 * Settings of {@code etc/org.pediconsult.passwords.cfg}: the Argon2id cost of new hashes and how many
 * hashes may run at once. Missing settings take OWASP's minimum for Argon2id (19 MiB, 2 passes, 1 lane).
 */
record PasswordHashingSettings(Argon2idCost cost, int concurrentHashes, Duration slotWait) {
    static final String PID = "org.pediconsult.passwords";
    static final PasswordHashingSettings DEFAULTS = new PasswordHashingSettings(new Argon2idCost(19_456, 2, 1), 4, Duration.ofSeconds(30));

    PasswordHashingSettings {
        if (concurrentHashes < 1 || slotWait.isNegative() || slotWait.isZero()) {
            throw new IllegalArgumentException("concurrent.hashes and wait.seconds must be at least 1");
        }
    }

    /** The settings of a configuration (null: the defaults); IllegalArgumentException names a bad value. */
    static PasswordHashingSettings from(Dictionary<String, ?> properties) {
        if (properties == null) {
            return DEFAULTS;
        }
        Argon2idCost cost = new Argon2idCost(
                integer(properties, "memory.kib", DEFAULTS.cost.memoryKib()),
                integer(properties, "iterations", DEFAULTS.cost.iterations()),
                integer(properties, "parallelism", DEFAULTS.cost.parallelism()));
        return new PasswordHashingSettings(cost, integer(properties, "concurrent.hashes", DEFAULTS.concurrentHashes),
                Duration.ofSeconds(integer(properties, "wait.seconds", (int) DEFAULTS.slotWait.toSeconds())));
    }

    private static int integer(Dictionary<String, ?> properties, String key, int fallback) {
        Object value = properties.get(key);
        if (value == null || value.toString().isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " is not a whole number: " + value);
        }
    }
}
