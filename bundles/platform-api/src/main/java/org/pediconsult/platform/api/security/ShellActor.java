package org.pediconsult.platform.api.security;

import java.security.Principal;

import javax.security.auth.Subject;

/**
 * The actor a Karaf shell command records in the audit trail: {@code shell:<login>}, the user who
 * logged in to the console (SSH or {@code bin/client}), not the operating-system user Karaf runs as.
 * Karaf runs each command as that user's JAAS subject (as its {@code jaas:whoami} reads it).
 *
 * @since 1.2
 */
public final class ShellActor {
    private ShellActor() {
    }

    /** The actor of the shell command running on this thread. */
    @SuppressWarnings("removal") // Subject.getSubject(AccessController...) is how Karaf 4.4 passes the login on Java 17
    public static String current() {
        return of(Subject.getSubject(java.security.AccessController.getContext()));
    }

    /** {@code shell:<login>}, or {@code shell:unknown} when the subject names no user. */
    public static String of(Subject subject) {
        if (subject != null) {
            for (Principal p : subject.getPrincipals()) {
                // Karaf's org.apache.karaf.jaas.boot.principal.UserPrincipal; its role and group principals are not users
                if (p.getClass().getSimpleName().equals("UserPrincipal")) {
                    return "shell:" + p.getName();
                }
            }
        }
        return "shell:unknown";
    }
}
