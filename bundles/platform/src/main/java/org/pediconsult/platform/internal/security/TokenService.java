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
import org.pediconsult.platform.api.security.Reauthentication;
import org.pediconsult.platform.api.security.Role;
import org.pediconsult.platform.internal.accounts.AccountStore;
import org.pediconsult.platform.internal.accounts.DatabaseAccounts;
import org.pediconsult.platform.internal.ratelimit.TooManyRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs people in (JAAS, with a rate limit per user name and a lockout kept in the database), issues
 * and checks their bearer tokens, and revokes them at logout. Logins, failed logins and logouts go to
 * the audit trail; nothing here logs a password or a token.
 */
@Component(service = {TokenService.class, Reauthentication.class}, configurationPid = "org.pediconsult.security")
@Designate(ocd = SecurityConfig.class)
public class TokenService implements Reauthentication {
    private static final Logger LOG = LoggerFactory.getLogger(TokenService.class);

    private final JaasPasswordCheck passwords;
    private final LoginLockout lockout;
    private final JwtTokens tokens;
    private final RevokedTokens revoked;
    private final RateLimits rateLimits;
    private final AuditTrail audit;
    private final DatabaseAccounts accounts;
    private final Tx tx;

    @Activate
    public TokenService(@Reference Clock clock, @Reference AuditTrail audit,
                        @Reference(target = "(dataSourceName=pediconsult)") DataSource dataSource,
                        @Reference SchemaMigrations schemaReady, @Reference RateLimits rateLimits,
                        @Reference DatabaseAccounts accounts, SecurityConfig config) throws IOException {
        this.audit = audit;
        this.accounts = accounts;
        this.rateLimits = rateLimits;
        this.passwords = new JaasPasswordCheck(config.jaas_realm());
        this.tx = new Tx(dataSource);
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

    /** A login's answer: the token, and whether it may only change the (temporary) password. */
    public record Login(String token, boolean passwordChangeRequired) {
    }

    /**
     * Checks the credentials and answers a signed token; throws 429 (too many logins for this user
     * name), 423 (locked), 403 (account disabled, told only to whoever has its password) or 401
     * problems otherwise. A database account ({@link DatabaseAccounts}) of that name, or of that mobile
     * number, is checked first; a name no account has goes to the JAAS realm as given. Rate limit and
     * lockout count under the name's trimmed, lower-case form ({@link LoginName}).
     */
    public Login login(String typed, char[] password) {
        // one key per account, however its name or mobile number is written
        String username = accounts.loginKey(typed);
        RateLimits.Admission admission = rateLimits.admit(RateLimits.LOGIN, RateLimits.ACCOUNT_KEY_PREFIX + username);
        if (!admission.isAllowed()) {
            throw new TooManyRequests("too many logins for this user name", admission.retryAfterSeconds());
        }
        long locked = lockout.lockedSeconds(username);
        if (locked > 0) {
            throw locked(locked);
        }
        DatabaseAccounts.Authentication account = accounts.authenticate(typed, password);
        Set<Role> roles;
        String subject = typed;
        if (account.outcome() == DatabaseAccounts.Outcome.NO_ACCOUNT) {
            roles = passwords.authenticate(typed, password);
        } else if (account.outcome() == DatabaseAccounts.Outcome.WRONG_PASSWORD) {
            roles = null;
        } else {
            roles = account.account().roles();
            subject = account.account().username();
        }
        if (roles == null) {
            audit.record(new AuditEntry(username, AuditEntry.Action.LOGIN_FAILED, "session", null, null, null));
            if (lockout.failed(username)) {
                throw locked(lockout.lockedSeconds(username));
            }
            throw new ProblemException(401, "invalid_credentials", "user name or password is wrong");
        }
        lockout.succeeded(username);
        if (account.outcome() == DatabaseAccounts.Outcome.DISABLED) {
            audit.record(new AuditEntry(subject, AuditEntry.Action.REFUSED, "session", null, null, "login of a disabled account"));
            throw new ProblemException(403, "account_disabled", "this account is disabled; ask the hospital's administrator");
        }
        if (account.outcome() == DatabaseAccounts.Outcome.OK) {
            boolean change = account.account().passwordChangeRequired();
            audit.record(new AuditEntry(subject, AuditEntry.Action.LOGIN, "session", null, null,
                    change ? "temporary password: must change it" : null));
            return new Login(tokens.issue(subject, roles, account.tokenGeneration(), change), change);
        }
        audit.record(new AuditEntry(subject, AuditEntry.Action.LOGIN, "session", null, null, null));
        return new Login(tokens.issue(subject, roles), false);
    }

    /**
     * The signed-in user's password again (prescription signing): the same lockout as a login, the
     * account's current password (database account first, else the JAAS realm), audited as VERIFY or
     * LOGIN_FAILED with the purpose.
     */
    @Override
    public void confirm(AuthenticatedUser user, char[] password, String purpose, String field) {
        String username = accounts.loginKey(user.username());
        long locked = lockout.lockedSeconds(username);
        if (locked > 0) {
            throw locked(locked);
        }
        DatabaseAccounts.Authentication account = accounts.authenticate(user.username(), password);
        boolean ok = switch (account.outcome()) {
            case NO_ACCOUNT -> passwords.authenticate(user.username(), password) != null;
            case WRONG_PASSWORD -> false;
            default -> true;
        };
        if (!ok) {
            audit.record(new AuditEntry(user.username(), AuditEntry.Action.LOGIN_FAILED, "session", null, null,
                    "re-authentication: " + purpose));
            if (lockout.failed(username)) {
                throw locked(lockout.lockedSeconds(username));
            }
            throw new ProblemException(400, "invalid_credentials", "the password is wrong", field);
        }
        lockout.succeeded(username);
        if (account.outcome() == DatabaseAccounts.Outcome.DISABLED) {
            throw new ProblemException(403, "account_disabled", "this account is disabled; ask the hospital's administrator");
        }
        audit.record(new AuditEntry(user.username(), AuditEntry.Action.VERIFY, "session", null, null,
                "re-authentication: " + purpose));
    }

    /**
     * The signed-in user changes their own password (the current one checked again, with the lockout of
     * a login): the account's other tokens are revoked, and a new token is answered.
     */
    public Login changePassword(String username, char[] current, char[] next) {
        long locked = lockout.lockedSeconds(username);
        if (locked > 0) {
            throw locked(locked);
        }
        DatabaseAccounts.Authentication account = accounts.authenticate(username, current);
        if (account.outcome() == DatabaseAccounts.Outcome.NO_ACCOUNT) {
            throw ProblemException.conflict("password_managed_elsewhere", "this login's password is kept by the "
                    + "hospital's directory (the JAAS realm), not by PediConsult: change it there");
        }
        if (account.outcome() == DatabaseAccounts.Outcome.WRONG_PASSWORD) {
            audit.record(new AuditEntry(username, AuditEntry.Action.LOGIN_FAILED, "session", null, null, "password change"));
            if (lockout.failed(username)) {
                throw locked(lockout.lockedSeconds(username));
            }
            throw new ProblemException(400, "invalid_credentials", "the current password is wrong", "currentPassword");
        }
        if (account.outcome() == DatabaseAccounts.Outcome.DISABLED) {
            throw new ProblemException(403, "account_disabled", "this account is disabled; ask the hospital's administrator");
        }
        lockout.succeeded(username);
        if (java.util.Arrays.equals(current, next)) {
            throw ProblemException.badField("newPassword", "the new password must differ from the current one");
        }
        org.pediconsult.platform.api.security.Account changed;
        try {
            changed = accounts.setPassword(account.account().username(), next, false, account.account().username());
        } catch (ProblemException e) {
            if ("password".equals(e.field())) {
                throw ProblemException.badField("newPassword", e.getMessage());
            }
            throw e;
        }
        AccountStore.TokenState state = accounts.tokenState(changed.username());
        return new Login(tokens.issue(changed.username(), changed.roles(), state.generation(), false), false);
    }

    /**
     * Revokes the bearer token (logout): its id is refused on every node until the token expires.
     * Answers false when the token is not valid (already revoked, expired, not ours).
     */
    public boolean logout(String token) {
        JwtTokens.Verified verified = tokens.verify(token);
        if (verified == null || bearer(token) == null) { // bearer: revoked, expired, account disabled or changed
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

    /** The bearer's user, or null when the token is not valid, was revoked, or its account was disabled or changed its password. */
    public AuthenticatedUser verify(String token) {
        Bearer bearer = bearer(token);
        return bearer == null || bearer.passwordChangeOnly() ? null : bearer.user();
    }

    private record TokenCheck(boolean revoked, AccountStore.TokenState state) {
    }

    /** A valid token's user; {@code passwordChangeOnly}: issued for a temporary password, good only to change it (and log out). */
    public record Bearer(AuthenticatedUser user, boolean passwordChangeOnly) {
    }

    /** The bearer of a valid token, or null (invalid, expired, revoked, account disabled or its password changed since). */
    public Bearer bearer(String token) {
        JwtTokens.Verified verified = tokens.verify(token);
        if (verified == null) {
            return null;
        }
        // the revocation and the account's state on one connection: two checkouts of the pool were two thirds of a
        // booking's, and most of the time its requests waited for the pool (issue 18, profiled on PostgreSQL)
        TokenCheck check = tx.read(c -> new TokenCheck(revoked.isRevoked(c, verified.jti()),
                accounts.tokenState(c, verified.user().username())));
        if (check.revoked()) {
            return null;
        }
        AccountStore.TokenState state = check.state();
        if (state == null ? verified.generation() != null
                : !state.enabled() || verified.generation() == null || verified.generation() != state.generation()) {
            return null;
        }
        return new Bearer(verified.user(), verified.passwordChange());
    }

    private static ProblemException locked(long seconds) {
        return new ProblemException(423, "account_locked", "too many failed logins: this account is locked for "
                + Math.max(1, (seconds + 59) / 60) + " more minute(s); try again later or ask an administrator");
    }
}
