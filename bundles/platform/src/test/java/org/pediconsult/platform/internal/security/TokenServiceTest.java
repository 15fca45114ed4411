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
import org.pediconsult.platform.api.audit.AuditTrail;
import org.pediconsult.platform.api.audit.AuditVerification;
import org.pediconsult.platform.api.security.RateLimits;
import org.pediconsult.platform.internal.MutableClock;
import org.pediconsult.platform.internal.PlatformDatabase;
import org.pediconsult.platform.internal.ratelimit.TooManyRequests;

class TokenServiceTest {
    private static final String REALM = "token-service-test";
    private static Configuration previous;

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T08:00:00Z"));
    private final DataSource db = PlatformDatabase.migrated();
    private final List<AuditEntry> audited = new ArrayList<>();
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

    private TokenService service() throws Exception {
        AuditTrail audit = new AuditTrail() {
            @Override
            public long record(AuditEntry entry) {
                audited.add(entry);
                return audited.size();
            }

            @Override
            public long record(Connection tx, AuditEntry entry) {
                return record(entry);
            }

            @Override
            public AuditVerification verify() {
                throw new UnsupportedOperationException();
            }
        };
        RateLimits limits = (kind, key) -> {
            admitted.add(kind + " " + key);
            return refuseLogins ? RateLimits.Admission.refused(17) : RateLimits.Admission.allowed();
        };
        return new TokenService(clock, audit, db, (bundle, module) -> 0, limits, config(dir.resolve("key.json")));
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
            @Override public Class<? extends Annotation> annotationType() { return SecurityConfig.class; }
        };
    }

    @Test
    void logoutRevokesTheTokenOnEveryNodeUntilItExpires() throws Exception {
        TokenService node1 = service();
        TokenService node2 = service();
        String token = node1.login("guardian.tang", "pediconsult".toCharArray());
        String other = node1.login("guardian.tang", "pediconsult".toCharArray());
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
        service.logout(service.login("guardian.tang", "pediconsult".toCharArray()));
        clock.advance(Duration.ofSeconds(3601));
        service.logout(service.login("dr.wang", "pediconsult".toCharArray()));
        try (Connection c = db.getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT COUNT(*) FROM platform_revoked_token")) {
            rs.next();
            assertEquals(1, rs.getInt(1), "only the unexpired revocation is kept");
        }
    }

    @Test
    void loginsPerUserNameAreRateLimitedBeforeThePasswordIsChecked() throws Exception {
        TokenService service = service();
        service.login(" Guardian.Tang ", "pediconsult".toCharArray());
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
}
