package org.pediconsult.platform.api.security;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Asks the signed-in person for their password again before a weighty act (a physician signing a
 * prescription): a token alone, perhaps from a phone left unlocked, is not enough. The check counts
 * toward the login's lockout like a failed login, and is audited.
 *
 * @since 1.4
 */
@ProviderType
public interface Reauthentication {
    /**
     * Returns when {@code password} is the user's; otherwise throws a
     * {@link org.pediconsult.platform.api.ProblemException}: 400 {@code invalid_credentials} on
     * {@code field}, 423 when locked (too many failures), 403 when the account is disabled.
     *
     * @param purpose what it is for, written to the audit trail (e.g. "sign prescription 6f1c...")
     */
    void confirm(AuthenticatedUser user, char[] password, String purpose, String field);
}
