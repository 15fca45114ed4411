package org.pediconsult.platform.api.security;

import java.time.Instant;
import java.util.Set;

/**
 * A person's login kept by PediConsult (in the database, so every node sees it): its name, roles and
 * state. The password hash never leaves the platform.
 *
 * @param username           the login name, trimmed and lower-case (a guardian's is their mobile number)
 * @param displayName        the person's name as shown to staff (e.g. 唐丽)
 * @param phone              the mobile number one-time codes go to, or null
 * @param roles              the roles the login grants
 * @param enabled            false once disabled: no login, and its tokens are refused at once
 * @param passwordChangeRequired true while the password is a temporary one set by an administrator
 * @param disabledReason     why it was disabled, or null
 * @since 1.3
 */
public record Account(String username, String displayName, String phone, Set<Role> roles, boolean enabled,
                      boolean passwordChangeRequired, Instant createdAt, String createdBy, String disabledReason) {
    public Account {
        roles = Set.copyOf(roles);
    }
}
