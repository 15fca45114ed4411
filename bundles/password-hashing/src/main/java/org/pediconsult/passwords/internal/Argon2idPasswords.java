package org.pediconsult.passwords.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.karaf.jaas.modules.Encryption;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Karaf's view of a password hash ({@link Encryption}): new passwords get a salted Argon2id hash
 * (BouncyCastle, RFC 9106) with the configured cost; a stored hash is checked with the cost it was
 * made with, and an unsalted SHA-512 hash of Karaf's 'basic' encryption still verifies.
 * At most a fixed number of hashes run at once: each holds its memory cost in heap.
 */
final class Argon2idPasswords implements Encryption {
    private static final Logger LOG = LoggerFactory.getLogger(Argon2idPasswords.class);
    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;

    private final Argon2idCost cost;
    private final Semaphore slots;
    private final Duration wait;
    private final SecureRandom random;

    Argon2idPasswords(Argon2idCost cost, Semaphore slots, Duration wait, SecureRandom random) {
        this.cost = cost;
        this.slots = slots;
        this.wait = wait;
        this.random = random;
    }

    @Override
    public String encryptPassword(String password) {
        if (password == null) {
            return null;
        }
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = argon2id(password, salt, cost, HASH_BYTES);
        if (hash == null) {
            throw new IllegalStateException("no free password hashing slot within " + wait.toSeconds() + " s");
        }
        return new StoredArgon2idHash(cost, salt, hash).format();
    }

    /**
     * @param password what the user typed
     * @param stored   the stored hash, without Karaf's {CRYPT} markers
     * @throws IllegalStateException when no hashing slot came free in time (the check did not happen: neither
     *         right nor wrong; a login refused, never counted as a failure by the platform)
     */
    @Override
    public boolean checkPassword(String password, String stored) {
        if (password == null || stored == null) {
            return false;
        }
        if (StoredArgon2idHash.looksLike(stored)) {
            StoredArgon2idHash expected = StoredArgon2idHash.parse(stored);
            if (expected == null) {
                LOG.warn("a stored Argon2id password hash is damaged: that user cannot log in until the password is set again");
                return false;
            }
            byte[] actual = argon2id(password, expected.salt(), expected.cost(), expected.hash().length);
            if (actual == null) {
                // busy is not "wrong": a caller that counted it as a failed login would lock out the right password
                throw new IllegalStateException("no free password hashing slot within " + wait.toSeconds() + " s");
            }
            return MessageDigest.isEqual(expected.hash(), actual);
        }
        if (LegacySha512Hash.looksLike(stored)) {
            return LegacySha512Hash.matches(password, stored);
        }
        return false;
    }

    /** The hash, or null when no slot came free in time (the login is then refused, never queued for ever). */
    private byte[] argon2id(String password, byte[] salt, Argon2idCost c, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(c.memoryKib()).withIterations(c.iterations()).withParallelism(c.parallelism())
                .withSalt(salt).build();
        byte[] out = new byte[length];
        try {
            if (!slots.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("password hashing busy: no free slot within {} ms, login refused", wait.toMillis());
                return null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        try {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(parameters);
            generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
            return out;
        } finally {
            slots.release();
        }
    }
}
