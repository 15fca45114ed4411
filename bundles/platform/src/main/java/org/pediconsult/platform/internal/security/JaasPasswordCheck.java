package org.pediconsult.platform.internal.security;

import java.security.Principal;
import java.util.EnumSet;
import java.util.Set;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.pediconsult.platform.api.security.Role;

/** Checks a user name and password against a JAAS realm and returns the PediConsult roles it grants. */
final class JaasPasswordCheck {
    private final String realm;

    JaasPasswordCheck(String realm) {
        this.realm = realm;
    }

    /** The user's roles, or null when the realm rejects the credentials. */
    Set<Role> authenticate(String username, char[] password) {
        Subject subject = new Subject();
        try {
            LoginContext login = new LoginContext(realm, subject, callbacks -> {
                for (Callback cb : callbacks) {
                    if (cb instanceof NameCallback) {
                        ((NameCallback) cb).setName(username);
                    } else if (cb instanceof PasswordCallback) {
                        ((PasswordCallback) cb).setPassword(password);
                    } else {
                        throw new UnsupportedCallbackException(cb);
                    }
                }
            });
            login.login();
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (Principal p : subject.getPrincipals(RolePrincipal.class)) {
                Role role = Role.fromName(p.getName());
                if (role != null) {
                    roles.add(role);
                }
            }
            login.logout();
            return roles;
        } catch (LoginException e) {
            return null;
        }
    }
}
