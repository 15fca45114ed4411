package org.pediconsult.passwords.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

import org.apache.karaf.jaas.modules.Encryption;
import org.apache.karaf.jaas.modules.EncryptionService;
import org.junit.jupiter.api.Test;

class Argon2idPasswordsTest {
    /** Cheap cost for the tests that do not measure the cost itself. */
    private static final Argon2idCost CHEAP = new Argon2idCost(64, 1, 1);
    /** Karaf 'basic' SHA-512 (hexadecimal) of "pediconsult", as the distribution wrote it before Argon2id. */
    private static final String SHA512_OF_PEDICONSULT =
            "17F8DF95557F8EB8284E1902DADBC84F96615CD60455E6E07291CFD6B33A7AAA0683F7D7F1BF897F4D6AA4EB0811BA2B7C1DE6AF6F28DFCD606C3A2ACD5E5D9F";

    private static Argon2idPasswords passwords(Argon2idCost cost) {
        return new Argon2idPasswords(cost, new Semaphore(2), Duration.ofSeconds(30), new SecureRandom());
    }

    @Test
    void aHashVerifiesItsPasswordOnly() {
        Argon2idPasswords p = passwords(CHEAP);
        String stored = p.encryptPassword("pediconsult");
        assertTrue(p.checkPassword("pediconsult", stored));
        assertFalse(p.checkPassword("pediconsulT", stored));
        assertFalse(p.checkPassword("", stored));
        assertFalse(p.checkPassword(null, stored));
    }

    @Test
    void theSamePasswordTwiceGivesTwoDifferentSaltedHashes() {
        Argon2idPasswords p = passwords(CHEAP);
        String first = p.encryptPassword("pediconsult");
        String second = p.encryptPassword("pediconsult");
        assertNotEquals(first, second);
        assertTrue(p.checkPassword("pediconsult", first));
        assertTrue(p.checkPassword("pediconsult", second));
    }

    @Test
    void theDefaultCostIsOwaspsArgon2idMinimumAndTheHashHasNoComma() {
        Argon2idPasswords p = passwords(new Argon2idCost(19_456, 2, 1));
        String stored = p.encryptPassword("密码 with, a comma");
        assertTrue(stored.startsWith("$argon2id$v=19$m=19456;t=2;p=1$"), stored);
        // Karaf splits "password, role, role" on commas; {CRYPT} markers and backslashes would confuse it too
        assertFalse(stored.contains(","), stored);
        assertFalse(stored.contains("\\"), stored);
        assertFalse(stored.contains("{"), stored);
        assertTrue(p.checkPassword("密码 with, a comma", stored));
        StoredArgon2idHash parsed = StoredArgon2idHash.parse(stored);
        assertEquals(16, parsed.salt().length);
        assertEquals(32, parsed.hash().length);
    }

    @Test
    void aHashKeepsVerifyingAfterTheCostChanged() {
        String old = passwords(CHEAP).encryptPassword("pediconsult");
        Argon2idPasswords dearer = passwords(new Argon2idCost(128, 2, 1));
        assertTrue(dearer.checkPassword("pediconsult", old));
        assertTrue(dearer.encryptPassword("pediconsult").contains("m=128;t=2;p=1"));
    }

    @Test
    void karafsOldUnsaltedSha512HashesStillVerify() {
        Argon2idPasswords p = passwords(CHEAP);
        assertTrue(p.checkPassword("pediconsult", SHA512_OF_PEDICONSULT));
        assertTrue(p.checkPassword("pediconsult", SHA512_OF_PEDICONSULT.toLowerCase()));
        assertFalse(p.checkPassword("wrong", SHA512_OF_PEDICONSULT));
    }

    @Test
    void damagedOrForeignStoredValuesNeverVerify() {
        Argon2idPasswords p = passwords(CHEAP);
        String good = p.encryptPassword("pediconsult");
        for (String bad : List.of("pediconsult", "", "$argon2id$v=19$", "$argon2id$v=19$m=64;t=1;p=1$", "$argon2id$v=19$m=64,t=1,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                good.replace("m=64", "m=x"), good.substring(0, good.lastIndexOf('$')) + "$not base64!",
                "$2b$12$abcdefghijklmnopqrstuuN0Hk0Rz1h3m1uS3Ukq5l0o2q8Y4V1vK", SHA512_OF_PEDICONSULT.substring(2))) {
            assertFalse(p.checkPassword("pediconsult", bad), bad);
        }
    }

    @Test
    void aForgedCostBeyondTheBoundsIsRefusedNotComputed() {
        // 4 GiB of memory in a stored entry must not become a 4 GiB allocation at the next login
        String forged = "$argon2id$v=19$m=4194304;t=1;p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        assertNull(StoredArgon2idHash.parse(forged));
        assertFalse(passwords(CHEAP).checkPassword("pediconsult", forged));
    }

    @Test
    void noMoreHashesRunAtOnceThanThereAreSlotsAndABusyCheckFailsClosed() throws Exception {
        Semaphore slots = new Semaphore(1);
        Argon2idPasswords p = new Argon2idPasswords(CHEAP, slots, Duration.ofMillis(200), new SecureRandom());
        String stored = p.encryptPassword("pediconsult");
        slots.acquire();   // the only slot is taken (as by a long hash)
        try {
            // busy is neither right nor wrong: refused, and the caller can tell it from a wrong password
            assertThrows(IllegalStateException.class, () -> p.checkPassword("pediconsult", stored));
            assertThrows(IllegalStateException.class, () -> p.encryptPassword("pediconsult"));
        } finally {
            slots.release();
        }
        assertTrue(p.checkPassword("pediconsult", stored));
        // many logins at once: all are answered, each correctly
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> checks = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                boolean right = i % 2 == 0;
                checks.add(() -> p.checkPassword(right ? "pediconsult" : "nope", stored) == right);
            }
            Argon2idPasswords patient = new Argon2idPasswords(CHEAP, new Semaphore(1), Duration.ofSeconds(60), new SecureRandom());
            checks.add(() -> patient.checkPassword("pediconsult", stored));
            for (Future<Boolean> f : pool.invokeAll(checks)) {
                assertTrue(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theServiceAnswersArgon2idAndRefusesOtherAlgorithms() {
        PediConsultEncryptionService service = new PediConsultEncryptionService(settings(64, 1, 1, 2));
        Encryption e = service.createEncryption(Map.of(EncryptionService.ALGORITHM, "argon2id", EncryptionService.ENCODING, "hexadecimal"));
        assertTrue(e.checkPassword("x", e.encryptPassword("x")));
        assertTrue(service.createEncryption(Map.of()) != null);
        assertNull(service.createEncryption(Map.of(EncryptionService.ALGORITHM, "SHA-512")));
    }

    @Test
    void anEncryptionKarafKeepsFollowsNewSettings() {
        PediConsultEncryptionService service = new PediConsultEncryptionService(settings(64, 1, 1, 2));
        Encryption kept = service.createEncryption(Map.of(EncryptionService.ALGORITHM, "argon2id"));
        String old = kept.encryptPassword("pediconsult");
        service.configure(settings(128, 2, 1, 2));
        assertTrue(kept.encryptPassword("pediconsult").contains("m=128;t=2;p=1"));
        assertTrue(kept.checkPassword("pediconsult", old));
    }

    @Test
    void settingsComeFromTheConfigurationWithOwaspDefaultsAndBadValuesAreNamed() {
        assertEquals(PasswordHashingSettings.DEFAULTS, PasswordHashingSettings.from(null));
        assertEquals(new Argon2idCost(19_456, 2, 1), PasswordHashingSettings.from(new Hashtable<>()).cost());
        Hashtable<String, Object> cfg = new Hashtable<>(Map.of("memory.kib", "65536", "iterations", " 3 ", "concurrent.hashes", "2", "wait.seconds", "5"));
        PasswordHashingSettings s = PasswordHashingSettings.from(cfg);
        assertEquals(new Argon2idCost(65_536, 3, 1), s.cost());
        assertEquals(2, s.concurrentHashes());
        assertEquals(Duration.ofSeconds(5), s.slotWait());
        IllegalArgumentException notANumber = assertThrows(IllegalArgumentException.class,
                () -> PasswordHashingSettings.from(new Hashtable<>(Map.of("iterations", "two"))));
        assertTrue(notANumber.getMessage().contains("iterations"), notANumber.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PasswordHashingSettings.from(new Hashtable<>(Map.of("memory.kib", "4"))));
        assertThrows(IllegalArgumentException.class, () -> PasswordHashingSettings.from(new Hashtable<>(Map.of("iterations", "0"))));
        assertThrows(IllegalArgumentException.class, () -> PasswordHashingSettings.from(new Hashtable<>(Map.of("concurrent.hashes", "0"))));
    }

    private static PasswordHashingSettings settings(int memory, int iterations, int parallelism, int concurrent) {
        return new PasswordHashingSettings(new Argon2idCost(memory, iterations, parallelism), concurrent, Duration.ofSeconds(30));
    }
}
