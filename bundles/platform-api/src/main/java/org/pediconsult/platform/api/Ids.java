package org.pediconsult.platform.api;

import java.util.UUID;

/**
 * Identifiers for domain objects and events: random UUIDs, so that ids can be made on any node of a
 * cluster and in an outbox row before the transaction commits.
 *
 * @since 1.0
 */
public final class Ids {
    private Ids() {
    }

    /** A new random id in canonical lower-case UUID text form. */
    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** True when {@code text} is a canonical UUID as produced by {@link #newId()}. */
    public static boolean isId(String text) {
        if (text == null || text.length() != 36) {
            return false;
        }
        try {
            return UUID.fromString(text).toString().equals(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
