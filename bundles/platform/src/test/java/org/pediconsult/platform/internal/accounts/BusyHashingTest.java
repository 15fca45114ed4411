package org.pediconsult.platform.internal.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.karaf.jaas.modules.Encryption;
import org.junit.jupiter.api.Test;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.audit.RecordingAuditTrail;
import org.pediconsult.platform.api.data.Tx;
import org.pediconsult.platform.api.security.NewAccount;
import org.pediconsult.platform.api.security.Role;
import org.pediconsult.platform.internal.MutableClock;
import org.pediconsult.platform.internal.PlatformDatabase;

/**
 * When every hashing slot is busy a password check did not happen: it is 503 {@code busy}, never "wrong
 * password" (a signing physician under load was locked out with the right password when it was).
 */
class BusyHashingTest {
    private final AtomicBoolean busy = new AtomicBoolean();
    private final Encryption hashing = new Encryption() {
        @Override
        public String encryptPassword(String password) {
            return "plain:" + password;
        }

        @Override
        public boolean checkPassword(String input, String stored) {
            if (busy.get()) {
                throw new IllegalStateException("no free password hashing slot");
            }
            return ("plain:" + input).equals(stored);
        }
    };
    private final RecordingAuditTrail audit = new RecordingAuditTrail();

    @Test
    void aBusyCheckAnswers503ForAnAccountAndForAnUnknownName() {
        DatabaseAccounts accounts = new DatabaseAccounts(new Tx(PlatformDatabase.migrated()),
                new MutableClock(Instant.parse("2026-12-04T08:00:00Z")), audit, hashing);
        accounts.create(new NewAccount("dr.sun", "孙医生", null, Set.of(Role.PHYSICIAN), "Kx9-long-enough".toCharArray(), false),
                "admin");
        assertEquals(DatabaseAccounts.Outcome.OK, accounts.authenticate("dr.sun", "Kx9-long-enough".toCharArray()).outcome());
        assertEquals(DatabaseAccounts.Outcome.WRONG_PASSWORD, accounts.authenticate("dr.sun", "nope-nope".toCharArray()).outcome());
        busy.set(true);
        ProblemException known = assertThrows(ProblemException.class,
                () -> accounts.authenticate("dr.sun", "Kx9-long-enough".toCharArray()));
        assertEquals(503, known.status());
        assertEquals("busy", known.code());
        assertEquals(503, assertThrows(ProblemException.class,
                () -> accounts.authenticate("nobody.here", "whatever-1".toCharArray())).status());
    }
}
