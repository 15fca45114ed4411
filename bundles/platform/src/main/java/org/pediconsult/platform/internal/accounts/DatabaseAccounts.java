package org.pediconsult.platform.internal.accounts;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.apache.karaf.jaas.modules.Encryption;
import org.apache.karaf.jaas.modules.EncryptionService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.AuditTrail;
import org.pediconsult.platform.api.data.DataAccessException;
import org.pediconsult.platform.api.data.SchemaMigrations;
import org.pediconsult.platform.api.data.Tx;
import org.pediconsult.platform.api.security.Account;
import org.pediconsult.platform.api.security.Accounts;
import org.pediconsult.platform.api.security.NewAccount;
import org.pediconsult.platform.api.security.PhoneNumbers;
import org.pediconsult.platform.api.security.Role;
import org.pediconsult.platform.internal.security.LoginName;

/**
 * {@link Accounts} in the database. Passwords are hashed by the Karaf encryption service
 * {@code pediconsult} (bundle {@code password-hashing}: salted Argon2id, BouncyCastle), the same that
 * hashes the Karaf realm's users, always outside a database transaction (a hash takes tens of
 * milliseconds). The token check per request ({@link #tokenState}) is one primary-key read.
 */
@Component(service = {Accounts.class, DatabaseAccounts.class})
public class DatabaseAccounts implements Accounts {
    /** The actor of the demo users' accounts: the demo-password check looks only at these. */
    public static final String DEMO_DATA_ACTOR = "demo-data";
    static final String DEMO_PASSWORD = "pediconsult";
    /** A well-formed hash of a random password, checked when a name has no account (same cost as a real check). */
    static final String TIMING_DUMMY = "$argon2id$v=19$m=19456;t=2;p=1$UdZ+Gk2T+cU12MYQHp7EPg$KYaMz+wHeS1isqTbdMT8Cyu1/FLG9ae3aMYkwbG4fsI";
    private static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9._@+\\-]{1,63}");

    private final Tx tx;
    private final Clock clock;
    private final AuditTrail audit;
    private final Encryption hashing;
    private final AccountStore store = new AccountStore();

    @Activate
    public DatabaseAccounts(@Reference(target = "(dataSourceName=pediconsult)") DataSource dataSource,
                            @Reference Clock clock, @Reference AuditTrail audit, @Reference SchemaMigrations schemaReady,
                            @Reference(target = "(name=pediconsult)") EncryptionService encryption) {
        this(new Tx(dataSource), clock, audit, encryption.createEncryption(Map.of(EncryptionService.ALGORITHM, "argon2id")));
    }

    public DatabaseAccounts(Tx tx, Clock clock, AuditTrail audit, Encryption hashing) {
        this.tx = tx;
        this.clock = clock;
        this.audit = audit;
        this.hashing = hashing;
    }

    @Override
    public Account create(NewAccount account, String actor) {
        Prepared p = prepare(account);
        return tx.inTransaction(c -> insert(c, p, actor));
    }

    @Override
    public Account create(Connection c, NewAccount account, String actor) {
        Prepared p = prepare(account);
        try {
            return insert(c, p, actor);
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    private record Prepared(String login, NewAccount account, String phone, String hash) {
    }

    private Prepared prepare(NewAccount a) {
        String login = LoginName.of(a.username());
        if (!LOGIN.matcher(login).matches()) {
            throw ProblemException.badField("username", "a login name is 2 to 64 letters, digits or . _ @ + -, "
                    + "starting with a letter or digit");
        }
        if (a.displayName() == null || a.displayName().isBlank() || a.displayName().length() > 200) {
            throw ProblemException.badField("displayName", "the person's name is required (at most 200 characters)");
        }
        String phone = null;
        if (a.phone() != null && !a.phone().isBlank()) {
            phone = PhoneNumbers.require(a.phone());
        }
        if (a.roles().isEmpty()) {
            throw ProblemException.badField("roles", "an account needs at least one role");
        }
        if (a.roles().contains(Role.SYSTEM_HIS) || a.roles().contains(Role.SYSTEM_INSURER)) {
            throw ProblemException.badField("roles", "system roles are for the hospital's and insurers' systems, not people");
        }
        if (a.roles().contains(Role.GUARDIAN) && a.roles().size() > 1) {
            throw ProblemException.badField("roles", "a guardian's account has no staff role: staff use an account of their own");
        }
        checkPassword(login, phone, a.password());
        return new Prepared(login, a, phone, hash(a.password()));
    }

    private Account insert(Connection c, Prepared p, String actor) throws SQLException {
        if (store.byLogin(c, p.login()) != null) {
            throw ProblemException.conflict("account_exists", "an account with this login name already exists");
        }
        if (p.phone() != null && store.byPhone(c, p.phone()) != null) {
            throw ProblemException.conflict("phone_taken", "this mobile number already belongs to an account");
        }
        Instant now = clock.instant();
        try {
            store.insert(c, p.login(), p.account().displayName().trim(), p.phone(), p.account().roles(), p.hash(),
                    p.account().temporary(), now, actor);
        } catch (SQLException e) {
            if (DataAccessException.isConstraintViolation(e)) {
                throw ProblemException.conflict("account_exists", "an account with this login name or mobile number already exists");
            }
            throw e;
        }
        audit.record(c, new AuditEntry(actor, AuditEntry.Action.CREATE, "account", p.login(), null,
                "roles " + new java.util.TreeSet<>(p.account().roles().stream().map(Role::name).toList())
                        + (p.account().temporary() ? ", temporary password" : "")));
        return store.byLogin(c, p.login()).account();
    }

    @Override
    public Account find(String username) {
        AccountStore.Row row = tx.read(c -> store.byLogin(c, LoginName.of(username)));
        return row == null ? null : row.account();
    }

    @Override
    public Account findByPhone(String phone) {
        String normal = PhoneNumbers.normalise(phone);
        if (normal == null) {
            return null;
        }
        AccountStore.Row row = tx.read(c -> store.byPhone(c, normal));
        return row == null ? null : row.account();
    }

    @Override
    public List<Account> list(boolean staffOnly, int offset, int limit) {
        return tx.read(c -> store.page(c, staffOnly, offset, limit)).stream().map(AccountStore.Row::account).toList();
    }

    @Override
    public Account disable(String username, String reason, String actor) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw ProblemException.badField("reason", "say why the account is disabled (at most 500 characters)");
        }
        return setEnabled(username, false, reason.trim(), actor);
    }

    @Override
    public Account enable(String username, String actor) {
        return setEnabled(username, true, null, actor);
    }

    private Account setEnabled(String username, boolean enabled, String reason, String actor) {
        String login = LoginName.of(username);
        return tx.inTransaction(c -> {
            if (store.setEnabled(c, login, enabled, reason, clock.instant()) != 1) {
                throw ProblemException.notFound("account");
            }
            audit.record(c, new AuditEntry(actor, AuditEntry.Action.UPDATE, "account", login, null,
                    enabled ? "enabled" : "disabled, its tokens revoked: " + reason));
            return store.byLogin(c, login).account();
        });
    }

    @Override
    public Account setPassword(String username, char[] password, boolean temporary, String actor) {
        String login = LoginName.of(username);
        Account existing = find(login);
        if (existing == null) {
            throw ProblemException.notFound("account");
        }
        checkPassword(login, existing.phone(), password);
        String hash = hash(password);
        return tx.inTransaction(c -> setPasswordHash(c, login, hash, temporary, actor));
    }

    /** The password against a stored hash; 503 (not "wrong", so no lockout counts it) when every hashing slot is busy. */
    private boolean matches(char[] password, String stored) {
        try {
            return hashing.checkPassword(new String(password), stored);
        } catch (IllegalStateException busy) {
            throw new ProblemException(503, "busy", "too many passwords are being checked at this moment; try again in a few seconds");
        }
    }

    /** A salted Argon2id hash of the password (slow: call it outside transactions); 503 when every hashing slot is busy. */
    public String hash(char[] password) {
        try {
            return hashing.encryptPassword(new String(password));
        } catch (IllegalStateException busy) {
            throw new ProblemException(503, "busy", "too many passwords are being checked at this moment; try again in a few seconds");
        }
    }

    /** Sets an already hashed password on the caller's connection and revokes the account's tokens. */
    public Account setPasswordHash(Connection c, String username, String hash, boolean temporary, String actor) {
        String login = LoginName.of(username);
        try {
            if (store.setPassword(c, login, hash, temporary, clock.instant()) != 1) {
                throw ProblemException.notFound("account");
            }
            audit.record(c, new AuditEntry(actor, AuditEntry.Action.UPDATE, "account", login, null,
                    (temporary ? "temporary password set" : "password changed") + ", its tokens revoked"));
            return store.byLogin(c, login).account();
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    @Override
    public void checkPassword(String username, char[] password) {
        Account a = username == null ? null : find(username);
        checkPassword(LoginName.of(username), a == null ? null : a.phone(), password);
    }

    private static void checkPassword(String login, String phone, char[] password) {
        if (password == null || password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
            throw ProblemException.badField("password", "a password has " + MIN_PASSWORD_LENGTH + " to "
                    + MAX_PASSWORD_LENGTH + " characters");
        }
        String lower = new String(password).toLowerCase(Locale.ROOT);
        if (!login.isEmpty() && lower.contains(login) || phone != null && lower.contains(phone)) {
            throw ProblemException.badField("password", "a password may not contain the login name or mobile number");
        }
        if (lower.equals(DEMO_PASSWORD)) {
            throw ProblemException.badField("password", "this is the demo users' public password: choose another");
        }
    }

    /** The outcome of a password check against an account. */
    public enum Outcome { NO_ACCOUNT, WRONG_PASSWORD, DISABLED, OK }

    /** The result of {@link #authenticate}: the outcome, and for OK (and DISABLED) the account and its token generation. */
    public record Authentication(Outcome outcome, Account account, int tokenGeneration) {
    }

    /**
     * Checks a password against the account of that login name, or else of that mobile number; the hash
     * runs outside any transaction. An account that does not exist answers
     * {@link Outcome#NO_ACCOUNT} (the realm may know the name); a disabled one answers DISABLED only when
     * the password is right, so a guess learns nothing about the account's state.
     */
    public Authentication authenticate(String username, char[] password) {
        String phone = PhoneNumbers.normalise(username);
        AccountStore.Row row = tx.read(c -> {
            AccountStore.Row byName = store.byLogin(c, LoginName.of(username));
            return byName != null || phone == null ? byName : store.byPhone(c, phone);
        });
        if (row == null) {
            // as slow as a real check: the time of the answer does not tell which names have an account
            matches(password, TIMING_DUMMY);
            return new Authentication(Outcome.NO_ACCOUNT, null, 0);
        }
        if (!matches(password, row.passwordHash())) {
            return new Authentication(Outcome.WRONG_PASSWORD, null, 0);
        }
        return new Authentication(row.account().enabled() ? Outcome.OK : Outcome.DISABLED, row.account(), row.tokenGeneration());
    }

    /**
     * The name that rate limits and lockout count a login under: the account's login name when the name
     * typed, or the mobile number typed in any writing (+86, spaces, hyphens), is an account's; otherwise the
     * typed name trimmed and lower-cased.
     */
    public String loginKey(String username) {
        String typed = LoginName.of(username);
        String phone = PhoneNumbers.normalise(username);
        if (phone == null) {
            return typed;
        }
        AccountStore.Row row = tx.read(c -> {
            AccountStore.Row byName = store.byLogin(c, typed);
            return byName != null ? byName : store.byPhone(c, phone);
        });
        return row == null ? phone : row.account().username();
    }

    /** For each authenticated request: whether the account is enabled and its token generation; null when no account has this name. */
    public AccountStore.TokenState tokenState(String username) {
        return tx.read(c -> tokenState(c, username));
    }

    /** The same on the caller's connection (the request's token check reads it with the revocation, one checkout). */
    public AccountStore.TokenState tokenState(Connection c, String username) throws SQLException {
        return store.tokenState(c, LoginName.of(username));
    }

    /** The enabled accounts the demo data made that still open with the demo password (each try is a slow hash). */
    public List<String> demoAccountsWithDemoPassword() {
        List<AccountStore.Row> rows = tx.read(c -> store.createdBy(c, DEMO_DATA_ACTOR));
        return rows.stream().filter(r -> r.account().enabled())
                .filter(r -> {
                    try {
                        return hashing.checkPassword(DEMO_PASSWORD, r.passwordHash());
                    } catch (IllegalStateException busy) {
                        return false; // not known now; the next check looks again
                    }
                })
                .map(r -> r.account().username()).toList();
    }

    /**
     * Creates a demo user with the hash of the demo password (demo data only: the password rules would
     * refuse it), or leaves an existing one as it is. Answers whether it was created.
     */
    boolean ensureDemoAccount(String username, String displayName, String phone, Set<Role> roles, String demoPasswordHash) {
        String login = LoginName.of(username);
        if (find(login) != null) {
            return false;
        }
        Prepared p = new Prepared(login, new NewAccount(login, displayName, phone, EnumSet.copyOf(roles), new char[0], false),
                phone, demoPasswordHash);
        try {
            tx.inTransaction(c -> insert(c, p, DEMO_DATA_ACTOR));
            return true;
        } catch (ProblemException e) {
            if (e.status() == 409) {
                return false; // another node made it at the same moment
            }
            throw e;
        }
    }
}
