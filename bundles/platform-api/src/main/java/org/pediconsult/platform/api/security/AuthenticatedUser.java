package org.pediconsult.platform.api.security;

import java.security.Principal;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import javax.ws.rs.core.SecurityContext;

/**
 * The caller of a REST request, as established from its bearer token. Resources obtain it with
 * {@link #of(SecurityContext)} and use it for object-level checks (a guardian sees only their own
 * children, a physician only their own consults).
 *
 * @since 1.0
 */
public final class AuthenticatedUser implements Principal {
    private final String username;
    private final Set<Role> roles;

    public AuthenticatedUser(String username, Set<Role> roles) {
        this.username = username;
        this.roles = roles.isEmpty() ? Collections.emptySet() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    @Override
    public String getName() {
        return username;
    }

    public String username() {
        return username;
    }

    public Set<Role> roles() {
        return roles;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The authenticated caller of the current request; never null behind the platform's authentication. */
    public static AuthenticatedUser of(SecurityContext context) {
        Principal p = context == null ? null : context.getUserPrincipal();
        if (p instanceof AuthenticatedUser) {
            return (AuthenticatedUser) p;
        }
        throw new IllegalStateException("request was not authenticated by the PediConsult platform");
    }

    @Override
    public String toString() {
        return username + roles;
    }
}
