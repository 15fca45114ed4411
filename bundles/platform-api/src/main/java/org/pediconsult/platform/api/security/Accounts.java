package org.pediconsult.platform.api.security;

import java.sql.Connection;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * People's logins, in the database: guardians who signed up, staff created by an administrator, the
 * demo users. Passwords are kept as salted Argon2id hashes; failed logins lock the account for a while
 * on every node. Logins of Karaf's own realm (the shell administrators, a hospital's LDAP) still work
 * beside these: an account here wins over a realm user of the same name.
 *
 * <p>Every change is audited with the actor given. Problems come as
 * {@link org.pediconsult.platform.api.ProblemException}s: 400 with the field for a bad name, number,
 * role or password, 409 {@code account_exists}, 404 for an unknown account.
 *
 * @since 1.3
 */
@ProviderType
public interface Accounts {
    /** Shortest password accepted. */
    int MIN_PASSWORD_LENGTH = 8;
    /** Longest password accepted (hashing has a cost: a long password is not hashed). */
    int MAX_PASSWORD_LENGTH = 200;

    /** Creates an account in its own transaction. */
    Account create(NewAccount account, String actor);

    /**
     * Creates an account on the caller's connection, in the caller's transaction (e.g. with the
     * guardian's profile at sign-up: both or neither). The password is hashed in this call (a slow hash,
     * tens of milliseconds, holding the caller's transaction open that long).
     */
    Account create(Connection c, NewAccount account, String actor);

    /** The account of that login name (any case), or null. */
    Account find(String username);

    /** The account whose mobile number this is, or null. */
    Account findByPhone(String phone);

    /** A page of accounts by login name (at most 500); {@code staffOnly} leaves out guardians. */
    List<Account> list(boolean staffOnly, int offset, int limit);

    /** Disables the account: no more logins, and every token it holds is refused from now on, on every node. */
    Account disable(String username, String reason, String actor);

    Account enable(String username, String actor);

    /**
     * Sets a new password and revokes the account's tokens. {@code temporary}: set by an administrator,
     * to be changed at the next login.
     */
    Account setPassword(String username, char[] password, boolean temporary, String actor);

    /** Checks a password against the rules (length, not containing the login name or mobile number, not the demo password); 400 otherwise. */
    void checkPassword(String username, char[] password);
}
