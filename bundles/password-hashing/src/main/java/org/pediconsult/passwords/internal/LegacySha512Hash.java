package org.pediconsult.passwords.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * An unsalted SHA-512 hash in hexadecimal, as Karaf's 'basic' encryption wrote them into
 * etc/users.properties before PediConsult used Argon2id. Such users still log in; their entry becomes
 * an Argon2id hash when their password is set again (README, "Demo users").
 */
final class LegacySha512Hash {
    private static final Pattern HEX_512 = Pattern.compile("[0-9A-Fa-f]{128}");

    private LegacySha512Hash() {
    }

    static boolean looksLike(String stored) {
        return HEX_512.matcher(stored).matches();
    }

    static boolean matches(String password, String stored) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-512").digest(password.getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(HexFormat.of().parseHex(stored.toLowerCase()), digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-512", e);
        }
    }
}
