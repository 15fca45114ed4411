package org.pediconsult.passwords.internal;

import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.Semaphore;

import org.apache.karaf.jaas.modules.Encryption;
import org.apache.karaf.jaas.modules.EncryptionService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Karaf JAAS encryption service {@code name=pediconsult}: etc/org.apache.karaf.jaas.cfg names it
 * ({@code encryption.name = pediconsult}, {@code encryption.algorithm = argon2id}), and Karaf then
 * hashes the plain-text passwords of etc/users.properties with it (on start and whenever the file
 * changes) and checks every login of the realm with it. One instance for the bundle's life
 * ({@link PasswordHashingActivator}): its slots bound all hashes, whichever {@link Encryption} runs them.
 */
final class PediConsultEncryptionService implements EncryptionService {
    static final String ARGON2ID = "argon2id";
    private static final Logger LOG = LoggerFactory.getLogger(PediConsultEncryptionService.class);

    private final SecureRandom random = new SecureRandom();
    private volatile Argon2idPasswords current;

    PediConsultEncryptionService(PasswordHashingSettings settings) {
        configure(settings);
    }

    /** New settings: new hashes use the new cost; hashes already running finish with the old slots. */
    void configure(PasswordHashingSettings settings) {
        current = new Argon2idPasswords(settings.cost(), new Semaphore(settings.concurrentHashes(), true), settings.slotWait(), random);
        LOG.info("password hashing: Argon2id m={} KiB, t={}, p={}; at most {} at once", settings.cost().memoryKib(),
                settings.cost().iterations(), settings.cost().parallelism(), settings.concurrentHashes());
    }

    /** Argon2id for {@code encryption.algorithm = argon2id} (or none given); null (not supported) for anything else. */
    @Override
    public Encryption createEncryption(Map<String, String> params) {
        String algorithm = params.get(ALGORITHM);
        if (algorithm != null && !algorithm.isBlank() && !ARGON2ID.equalsIgnoreCase(algorithm.trim())) {
            return null;
        }
        // Karaf keeps the Encryption it gets: it must follow later settings, so it asks this service each time
        return new Encryption() {
            @Override
            public String encryptPassword(String password) {
                return current.encryptPassword(password);
            }

            @Override
            public boolean checkPassword(String password, String stored) {
                return current.checkPassword(password, stored);
            }
        };
    }
}
