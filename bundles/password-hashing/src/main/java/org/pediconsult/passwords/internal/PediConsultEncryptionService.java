package org.pediconsult.passwords.internal;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;

import org.apache.karaf.jaas.modules.Encryption;
import org.apache.karaf.jaas.modules.EncryptionService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Karaf JAAS encryption service {@code name=pediconsult}: etc/org.apache.karaf.jaas.cfg names it
 * ({@code encryption.name = pediconsult}, {@code encryption.algorithm = argon2id}), and Karaf then
 * hashes the plain-text passwords of etc/users.properties with it (on start and whenever the file
 * changes) and checks every login of the realm with it. Karaf waits 20 s for this service: the
 * bundle starts with Karaf's JAAS bundles (start level 30) and needs nothing else.
 */
// immediate: one instance for the bundle's life. Karaf gets and ungets the service at every login; a
// delayed component would be created anew each time, each with slots of its own, and bound nothing.
@Component(service = EncryptionService.class, property = "name=pediconsult", configurationPid = "org.pediconsult.passwords",
        immediate = true)
@Designate(ocd = PasswordHashingConfig.class)
public class PediConsultEncryptionService implements EncryptionService {
    static final String ARGON2ID = "argon2id";
    private static final Logger LOG = LoggerFactory.getLogger(PediConsultEncryptionService.class);

    private final Argon2idCost cost;
    private final Semaphore slots;
    private final Duration wait;
    private final SecureRandom random = new SecureRandom();

    @Activate
    public PediConsultEncryptionService(PasswordHashingConfig config) {
        this.cost = new Argon2idCost(config.memory_kib(), config.iterations(), config.parallelism());
        if (config.concurrent_hashes() < 1 || config.wait_seconds() < 1) {
            throw new IllegalArgumentException("concurrent.hashes and wait.seconds must be at least 1");
        }
        this.slots = new Semaphore(config.concurrent_hashes(), true);
        this.wait = Duration.ofSeconds(config.wait_seconds());
        LOG.info("password hashing: Argon2id m={} KiB, t={}, p={}; at most {} at once", cost.memoryKib(), cost.iterations(),
                cost.parallelism(), config.concurrent_hashes());
    }

    /** Argon2id for {@code encryption.algorithm = argon2id} (or none given); null (not supported) for anything else. */
    @Override
    public Encryption createEncryption(Map<String, String> params) {
        String algorithm = params.get(ALGORITHM);
        if (algorithm != null && !algorithm.isBlank() && !ARGON2ID.equalsIgnoreCase(algorithm.trim())) {
            return null;
        }
        return new Argon2idPasswords(cost, slots, wait, random);
    }
}
