package org.pediconsult.platform.internal.security;

import java.util.Locale;

/**
 * The form of a user name that lockout and rate limits count under: trimmed and lower-cased, so
 * {@code " Dr.Wang"} and {@code "dr.wang"} share one lockout whatever the realm makes of the case.
 */
public final class LoginName {
    private LoginName() {
    }

    public static String of(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }
}
