package org.pediconsult.passwords.internal;

import java.util.Base64;

/**
 * A salted Argon2id hash as kept in etc/users.properties:
 * {@code $argon2id$v=19$m=19456;t=2;p=1$<salt, base64>$<hash, base64>}. It is the PHC string format
 * with ';' instead of ',' between the cost parameters, because Karaf splits a user's entry
 * ({@code password, role, role}) on commas.
 */
record StoredArgon2idHash(Argon2idCost cost, byte[] salt, byte[] hash) {
    static final String PREFIX = "$argon2id$v=19$";
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    String format() {
        return PREFIX + "m=" + cost.memoryKib() + ";t=" + cost.iterations() + ";p=" + cost.parallelism()
                + "$" + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
    }

    static boolean looksLike(String stored) {
        return stored.startsWith(PREFIX);
    }

    /** The hash in {@code stored}, or null when it is not one of ours or is damaged. */
    static StoredArgon2idHash parse(String stored) {
        if (!looksLike(stored)) {
            return null;
        }
        String[] parts = stored.substring(PREFIX.length()).split("\\$", -1);   // m=..;t=..;p=.. , salt, hash
        if (parts.length != 3) {
            return null;
        }
        String[] mtp = parts[0].split(";", -1);
        if (mtp.length != 3 || !mtp[0].startsWith("m=") || !mtp[1].startsWith("t=") || !mtp[2].startsWith("p=")) {
            return null;
        }
        try {
            Argon2idCost cost = new Argon2idCost(Integer.parseInt(mtp[0].substring(2)), Integer.parseInt(mtp[1].substring(2)),
                    Integer.parseInt(mtp[2].substring(2)));
            byte[] salt = DECODER.decode(parts[1]);
            byte[] hash = DECODER.decode(parts[2]);
            if (salt.length < 8 || hash.length < 16 || hash.length > 64) {
                return null;
            }
            return new StoredArgon2idHash(cost, salt, hash);
        } catch (IllegalArgumentException damaged) {   // NumberFormatException, bad base64, cost out of bounds
            return null;
        }
    }
}
