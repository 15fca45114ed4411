package org.pediconsult.platform.api.security;

import java.security.SecureRandom;

/**
 * Temporary passwords an administrator hands over (read aloud or on paper): 12 characters from an
 * alphabet without look-alikes (no 0/O, 1/l/I), about 70 bits. The account must change it at its first
 * login.
 *
 * @since 1.3
 */
public final class TemporaryPasswords {
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private TemporaryPasswords() {
    }

    public static char[] generate() {
        char[] out = new char[12];
        for (int i = 0; i < out.length; i++) {
            out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return out;
    }
}
