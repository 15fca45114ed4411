package org.pediconsult.platform.internal.security;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.AuditTrail;
import org.pediconsult.platform.api.data.SchemaMigrations;
import org.pediconsult.platform.api.data.Tx;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.pediconsult.platform.api.security.RateLimits;
import org.pediconsult.platform.api.security.Role;
import org.pediconsult.platform.internal.ratelimit.TooManyRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs people in (JAAS, with a rate limit per user name and a lockout kept in the database), issues
 * and checks their bearer tokens, and revokes them at logout. Logins, failed logins and logouts go to
 * the audit trail; nothing here logs a password or a token.
 */
@Component(service = TokenService.class, configurationPid = "org.pediconsult.security")
@Designate(ocd = SecurityConfig.class)
public class TokenService {
    private static final Logger LOG = LoggerFactory.getLogger(TokenService.class);

    private final JaasPasswordCheck passwords;
    private final LoginLockout lockout;
    private final JwtTokens tokens;
    private final RevokedTokens revoked;
    private final RateLimits rateLimits;
    private final AuditTrail audit;

    @Activate
    public TokenService(@Reference Clock clock, @Reference AuditTrail audit,
                        @Reference(target = "(dataSourceName=pediconsult)") DataSource dataSource,
                        @Reference SchemaMigrations schemaReady, @Reference RateLimits rateLimits,
                        SecurityConfig config) throws IOException {
        this.audit = audit;
        this.rateLimits = rateLimits;
        this.passwords = new JaasPasswordCheck(config.jaas_realm());
        Tx tx = new Tx(dataSource);
        this.lockout = new LoginLockout(tx, clock, config.lockout_max_failures(),
                Duration.ofSeconds(config.lockout_window_seconds()), Duration.ofSeconds(config.lockout_duration_seconds()));
        this.revoked = new RevokedTokens(tx, clock);
        Path keyFile = config.token_key_file().isBlank()
                ? Paths.get(System.getProperty("karaf.data", "data"), "pediconsult", "jwt-signing-key.json")
                : Paths.get(config.token_key_file());
        this.tokens = new JwtTokens(SigningKeyStore.loadOrCreate(keyFile), config.token_issuer(),
                config.token_ttl_seconds(), clock);
        LOG.info("bearer tokens signed with the key in {}, JAAS realm '{}'", keyFile, config.jaas_realm());
    }

    /**
     * Checks the credentials and answers a signed token; throws 429 (too many logins for this user
     * name), 423 (locked) or 401 problems otherwise. The user name is passed to the realm as given;
     * rate limit and lockout count under its trimmed, lower-case form ({@link LoginName}).
     */
    public String login(String username, char[] password) {
        RateLimits.Admission admission = rateLimits.admit(RateLimits.LOGIN, RateLimits.ACCOUNT_KEY_PREFIX + LoginName.of(username));
        if (!admission.isAllowed()) {
            throw new TooManyRequests("too many logins for this user name", admission.retryAfterSeconds());
        }
        long locked = lockout.lockedSeconds(username);
        if (locked > 0) {
            throw locked(locked);
        }
        Set<Role> roles = passwords.authenticate(username, password);
        if (roles == null) {
            audit.record(new AuditEntry(username, AuditEntry.Action.LOGIN_FAILED, "session", null, null, null));
            if (lockout.failed(username)) {
                throw locked(lockout.lockedSeconds(username));
            }
            throw new ProblemException(401, "invalid_credentials", "user name or password is wrong");
        }
        lockout.succeeded(username);
        audit.record(new AuditEntry(username, AuditEntry.Action.LOGIN, "session", null, null, null));
        return tokens.issue(username, roles);
    }

    /**
     * Revokes the bearer token (logout): its id is refused on every node until the token expires.
     * Answers false when the token is not valid (already revoked, expired, not ours).
     */
    public boolean logout(String token) {
        JwtTokens.Verified verified = tokens.verify(token);
        if (verified == null || revoked.isRevoked(verified.jti())) {
            return false;
        }
        revoked.revoke(verified.jti(), verified.expiresAt());
        audit.record(new AuditEntry(verified.user().username(), AuditEntry.Action.UPDATE, "session", null, null,
                "logout: bearer token revoked"));
        return true;
    }

    public int ttlSeconds() {
        return tokens.ttlSeconds();
    }

    /** The bearer's user, or null when the token is not valid or was revoked. */
    public AuthenticatedUser verify(String token) {
        JwtTokens.Verified verified = tokens.verify(token);
        if (verified == null || revoked.isRevoked(verified.jti())) {
            return null;
        }
        return verified.user();
    }

    private static ProblemException locked(long seconds) {
        return new ProblemException(423, "account_locked", "too many failed logins: this account is locked for "
                + Math.max(1, (seconds + 59) / 60) + " more minute(s); try again later or ask an administrator");
    }
}
