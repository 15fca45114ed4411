package org.pediconsult.platform.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;
import javax.sql.DataSource;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.RecordingAuditTrail;
import org.pediconsult.platform.api.security.NewAccount;
import org.pediconsult.platform.api.security.RateLimits;
import org.pediconsult.platform.api.security.Role;
import org.apache.karaf.jaas.modules.Encryption;
import org.pediconsult.platform.api.data.Tx;
import org.pediconsult.platform.internal.MutableClock;
import org.pediconsult.platform.internal.accounts.DatabaseAccounts;
import org.pediconsult.platform.internal.PlatformDatabase;
import org.pediconsult.platform.internal.ratelimit.TooManyRequests;

class TokenServiceTest {
    private static final String REALM = "token-service-test";
    private static Configuration previous;

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T08:00:00Z"));
    private final DataSource db = PlatformDatabase.migrated();
    private final RecordingAuditTrail audit = new RecordingAuditTrail();
    private final List<AuditEntry> audited = audit.entries();
    private final List<String> admitted = new ArrayList<>();
    private boolean refuseLogins;

    /** The demo realm in miniature: every user's password is "pediconsult", every user a guardian. */
    public static final class DemoLoginModule implements LoginModule {
        private Subject subject;
        private CallbackHandler handler;
        private boolean ok;

        @Override
        public void initialize(Subject subject, CallbackHandler handler, Map<String, ?> shared, Map<String, ?> options) {
            this.subject = subject;
            this.handler = handler;
        }

        @Override
        public boolean login() throws LoginException {
            NameCallback name = new NameCallback("user");
            PasswordCallback password = new PasswordCallback("password", false);
            try {
                handler.handle(new Callback[] {name, password});
            } catch (Exception e) {
                throw new LoginException(e.toString());
            }
            ok = "pediconsult".equals(new String(password.getPassword()));
            if (!ok) {
                throw new FailedLoginException("wrong password");
            }
            return true;
        }

        @Override
        public boolean commit() {
            if (ok) {
                subject.getPrincipals().add(new RolePrincipal("GUARDIAN"));
            }
            return ok;
        }

        @Override
        public boolean abort() {
            return true;
        }

        @Override
        public boolean logout() {
            return true;
        }
    }

    @BeforeAll
    static void realm() {
        previous = Configuration.getConfiguration();
        Configuration.setConfiguration(new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return REALM.equals(name) ? new AppConfigurationEntry[] {new AppConfigurationEntry(
                        DemoLoginModule.class.getName(), AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, Map.of())}
                        : null;
            }
        });
    }

    @AfterAll
    static void restoreRealm() {
        Configuration.setConfiguration(previous);
    }

    /** Keeps what is audited in {@link #audited}. */

    private TokenService service() throws Exception {
        RateLimits limits = (kind, key) -> {
            admitted.add(kind + " " + key);
            return refuseLogins ? RateLimits.Admission.refused(17) : RateLimits.Admission.allowed();
        };
        return new TokenService(clock, audit, db, (bundle, module) -> 0, limits, accounts(), config(dir.resolve("key.json")));
    }

    /** The database accounts on the same database, with a cheap stand-in for Argon2id (its own bundle's tests cover it). */
    DatabaseAccounts accounts() {
        return new DatabaseAccounts(new Tx(db), clock, audit, new TestHashing());
    }

    static final class TestHashing implements Encryption {
        @Override
        public String encryptPassword(String password) {
            return "test:" + new StringBuilder(password).reverse();
        }

        @Override
        public boolean checkPassword(String password, String stored) {
            return encryptPassword(password).equals(stored);
        }
    }

    private static SecurityConfig config(Path keyFile) {
        return new SecurityConfig() {
            @Override public String jaas_realm() { return REALM; }
            @Override public int token_ttl_seconds() { return 3600; }
            @Override public String token_issuer() { return "pediconsult"; }
            @Override public String token_key_file() { return keyFile.toString(); }
            @Override public int lockout_max_failures() { return 5; }
            @Override public int lockout_window_seconds() { return 900; }
            @Override public int lockout_duration_seconds() { return 900; }
            @Override public int code_ttl_seconds() { return 300; }
            @Override public int code_max_attempts() { return 5; }
            @Override public Class<? extends Annotation> annotationType() { return SecurityConfig.class; }
        };
    }

    @Test
    void logoutRevokesTheTokenOnEveryNodeUntilItExpires() throws Exception {
        TokenService node1 = service();
        TokenService node2 = service();
        String token = node1.login("guardian.tang", "pediconsult".toCharArray()).token();
        String other = node1.login("guardian.tang", "pediconsult".toCharArray()).token();
        assertNotNull(node2.verify(token));

        assertTrue(node1.logout(token));
        assertNull(node1.verify(token), "refused where it was revoked");
        assertNull(node2.verify(token), "and on the other node, through the database");
        assertNull(service().verify(token), "and after a restart");
        assertNotNull(node2.verify(other), "the same user's other session goes on");
        assertFalse(node2.logout(token), "a revoked token cannot log out again");
        assertEquals("logout: bearer token revoked", audited.get(audited.size() - 1).detail());
    }

    @Test
    void revocationsArePrunedOnceTheirTokensHaveExpired() throws Exception {
        TokenService service = service();
        service.logout(service.login("guardian.tang", "pediconsult".toCharArray()).token());
        clock.advance(Duration.ofSeconds(3601));
        service.logout(service.login("dr.wang", "pediconsult".toCharArray()).token());
        try (Connection c = db.getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT COUNT(*) FROM platform_revoked_token")) {
            rs.next();
            assertEquals(1, rs.getInt(1), "only the unexpired revocation is kept");
        }
    }

    @Test
    void loginsPerUserNameAreRateLimitedBeforeThePasswordIsChecked() throws Exception {
        TokenService service = service();
        service.login(" Guardian.Tang ", "pediconsult".toCharArray()).token();
        assertEquals(List.of("login account:guardian.tang"), admitted, "counted under the trimmed, lower-case name");
        refuseLogins = true;
        int audits = audited.size();
        TooManyRequests e = assertThrows(TooManyRequests.class,
                () -> service.login("guardian.tang", "wrong".toCharArray()));
        assertEquals(17, e.retryAfterSeconds());
        assertEquals(audits, audited.size(), "the password was not tried, so no failed login is recorded");
    }

    @Test
    void theLockoutCountsUserNameVariantsTogetherAndHoldsAfterARestart() throws Exception {
        TokenService service = service();
        for (String variant : List.of("dr.wang", "DR.WANG", " dr.wang", "Dr.Wang", "dr.wang ")) {
            ProblemException e = assertThrows(ProblemException.class, () -> service.login(variant, "wrong".toCharArray()));
            assertTrue(e.status() == 401 || e.status() == 423);
        }
        ProblemException locked = assertThrows(ProblemException.class,
                () -> service().login("dr.wang", "pediconsult".toCharArray()));
        assertEquals(423, locked.status(), "locked for the right password too, by a new instance (restart)");
        clock.advance(Duration.ofSeconds(900));
        assertNotNull(service().login("dr.wang", "pediconsult".toCharArray()));
    }


    @Test
    void aDatabaseAccountWinsOverTheRealmAndLogsInByNameOrMobileNumber() throws Exception {
        TokenService service = service();
        DatabaseAccounts accounts = accounts();
        accounts.create(new NewAccount("guardian.tang", "唐丽", "199 0000 0001", Set.of(Role.GUARDIAN),
                "家里的猫叫咪咪2026".toCharArray(), false), "test");
        ProblemException realmPassword = assertThrows(ProblemException.class,
                () -> service.login("guardian.tang", "pediconsult".toCharArray()));
        assertEquals(401, realmPassword.status(), "the realm's password does not open a name the database has");
        TokenService.Login byName = service.login("Guardian.Tang", "家里的猫叫咪咪2026".toCharArray());
        assertEquals("guardian.tang", service.verify(byName.token()).username());
        TokenService.Login byPhone = service.login("+86 199-0000-0001", "家里的猫叫咪咪2026".toCharArray());
        assertEquals("guardian.tang", service.verify(byPhone.token()).username(), "the account's name, whatever was typed");
        assertFalse(byPhone.passwordChangeRequired());
        assertNotNull(service.verify(service.login("dr.wang", "pediconsult".toCharArray()).token()),
                "a name no account has still goes to the realm");
    }

    @Test
    void disablingAnAccountRefusesItsTokensAtOnceOnEveryNode() throws Exception {
        TokenService node1 = service();
        TokenService node2 = service();
        DatabaseAccounts accounts = accounts();
        accounts.create(new NewAccount("dr.zhang", "张敏", null, Set.of(Role.PHYSICIAN), "Temporary-1234".toCharArray(), true), "admin");
        accounts.setPassword("dr.zhang", "Chosen-by-her-5678".toCharArray(), false, "dr.zhang");
        String token = node1.login("dr.zhang", "Chosen-by-her-5678".toCharArray()).token();
        assertNotNull(node2.verify(token));

        accounts.disable("dr.zhang", "left the hospital", "admin");
        assertNull(node1.verify(token), "refused at once");
        assertNull(node2.verify(token), "on the other node too");
        ProblemException login = assertThrows(ProblemException.class,
                () -> node2.login("dr.zhang", "Chosen-by-her-5678".toCharArray()));
        assertEquals(403, login.status());
        assertEquals("account_disabled", login.code());
        ProblemException wrong = assertThrows(ProblemException.class, () -> node2.login("dr.zhang", "guess-guess".toCharArray()));
        assertEquals(401, wrong.status(), "a wrong password learns nothing about the account's state");

        accounts.enable("dr.zhang", "admin");
        assertNull(node1.verify(token), "enabling again does not bring old tokens back");
        assertNotNull(node1.verify(node1.login("dr.zhang", "Chosen-by-her-5678".toCharArray()).token()));
    }

    @Test
    void aTemporaryPasswordGivesATokenGoodOnlyToChangeIt() throws Exception {
        TokenService service = service();
        DatabaseAccounts accounts = accounts();
        accounts.create(new NewAccount("pharmacist.wu", "吴芳", null, Set.of(Role.PHARMACIST), "Temp-4711-abcd".toCharArray(), true),
                "admin");
        TokenService.Login first = service.login("pharmacist.wu", "Temp-4711-abcd".toCharArray());
        assertTrue(first.passwordChangeRequired());
        assertNull(service.verify(first.token()), "no API call with it");
        assertTrue(service.bearer(first.token()).passwordChangeOnly());

        ProblemException wrongCurrent = assertThrows(ProblemException.class,
                () -> service.changePassword("pharmacist.wu", "not-it-at-all".toCharArray(), "New-secret-2026".toCharArray()));
        assertEquals("currentPassword", wrongCurrent.field());
        ProblemException tooShort = assertThrows(ProblemException.class,
                () -> service.changePassword("pharmacist.wu", "Temp-4711-abcd".toCharArray(), "short".toCharArray()));
        assertEquals("newPassword", tooShort.field());

        TokenService.Login changed = service.changePassword("pharmacist.wu", "Temp-4711-abcd".toCharArray(),
                "New-secret-2026".toCharArray());
        assertFalse(changed.passwordChangeRequired());
        assertEquals("pharmacist.wu", service.verify(changed.token()).username());
        assertNull(service.bearer(first.token()), "the temporary password's token is revoked by the change");
        assertThrows(ProblemException.class, () -> service.login("pharmacist.wu", "Temp-4711-abcd".toCharArray()));
        assertFalse(service.login("pharmacist.wu", "New-secret-2026".toCharArray()).passwordChangeRequired());
    }

    @Test
    void aRealmUserCannotChangeItsPasswordHere() throws Exception {
        TokenService service = service();
        ProblemException e = assertThrows(ProblemException.class,
                () -> service.changePassword("admin", "pediconsult".toCharArray(), "Another-one-99".toCharArray()));
        assertEquals(409, e.status());
    }

    @Test
    void aRealmTokenIsRefusedOnceAnAccountOfTheSameNameExists() throws Exception {
        TokenService service = service();
        String realmToken = service.login("courier.zhao", "pediconsult".toCharArray()).token();
        assertNotNull(service.verify(realmToken));
        accounts().create(new NewAccount("courier.zhao", "赵强", null, Set.of(Role.COURIER),
                "Courier-pass-31".toCharArray(), true), "admin");
        assertNull(service.verify(realmToken), "the database account now owns the name");
    }

    @Test
    void everyWritingOfAMobileNumberCountsTowardsOneLockout() throws Exception {
        TokenService service = service();
        accounts().create(new NewAccount("13800138000", "欧阳晓燕", "13800138000", Set.of(Role.GUARDIAN),
                "一二三四五六七八".toCharArray(), false), "sign-up");
        for (String writing : List.of("13800138000", "+8613800138000", "0086 138 0013 8000", "138-0013-8000", "+86 138 0013 8000")) {
            ProblemException e = assertThrows(ProblemException.class, () -> service.login(writing, "wrong-wrong".toCharArray()));
            assertTrue(e.status() == 401 || e.status() == 423, e.getMessage());
        }
        ProblemException locked = assertThrows(ProblemException.class,
                () -> service.login("13800138000", "一二三四五六七八".toCharArray()));
        assertEquals(423, locked.status(), "five wrong tries in five writings lock the one account");
        assertTrue(admitted.stream().allMatch(k -> k.equals("login account:13800138000")), admitted.toString());
    }
}
