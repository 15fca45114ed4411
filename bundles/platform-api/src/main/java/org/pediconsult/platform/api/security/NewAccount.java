package org.pediconsult.platform.api.security;

import java.util.Set;

/**
 * What {@link Accounts#create} needs: a login name, the person's name, an optional mobile number, the
 * roles and a first password. A {@code temporary} password (set by an administrator) must be changed at
 * the first login; a password the person chose themself (sign-up) need not.
 *
 * @since 1.3
 */
public record NewAccount(String username, String displayName, String phone, Set<Role> roles, char[] password,
                         boolean temporary) {
    public NewAccount {
        roles = Set.copyOf(roles);
    }
}
