package org.pediconsult.platform.internal.security;

import java.io.File;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import javax.security.auth.login.AppConfigurationEntry;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;

/**
 * The user names of a JAAS realm, read through Karaf's backing engines (as {@code jaas:user-list}
 * does): every login module of the realm that has an engine (properties file, JDBC, ...) is listed.
 */
final class RealmUsers {
    /** Package of Karaf's login-audit modules (file, log, EventAdmin), which the 'karaf' realm includes. */
    static final String AUDIT_MODULES = "org.apache.karaf.jaas.modules.audit.";
    /** Option of Karaf's PropertiesLoginModule naming its users file. */
    static final String USERS_FILE_OPTION = "users";

    /** The realm's users cannot be listed (no realm of that name, or a module without a backing engine). */
    static final class NotListable extends Exception {
        NotListable(String message) {
            super(message);
        }
    }

    private RealmUsers() {
    }

    /** The realm of that name with the highest rank, as Karaf's JAAS configuration picks it. */
    static Optional<JaasRealm> named(String name, List<JaasRealm> realms) {
        return realms.stream().filter(r -> name.equals(r.getName())).max(Comparator.comparingInt(JaasRealm::getRank));
    }

    static List<String> list(JaasRealm realm, List<BackingEngineFactory> engines) throws NotListable {
        List<String> users = new ArrayList<>();
        for (AppConfigurationEntry entry : realm.getEntries()) {
            String module = moduleOf(entry);
            if (module.startsWith(AUDIT_MODULES)) {
                continue;   // Karaf's audit modules record logins; they hold no users
            }
            if (isDirectory(module)) {
                // a wrong password tried there counts against the account's lockout in the directory
                throw new NotListable("realm '" + realm.getName() + "' is a directory (" + module
                        + "): its accounts are not tried; the directory's own password policy applies");
            }
            BackingEngineFactory factory = engines.stream().filter(f -> f.getModuleClass().equals(module))
                    .findFirst().orElseThrow(() -> new NotListable("login module " + module
                            + " of realm '" + realm.getName() + "' cannot list its users"));
            BackingEngine engine = factory.build(entry.getOptions());
            if (engine == null) {
                throw new NotListable("the users of login module " + module + " of realm '" + realm.getName() + "' cannot be read");
            }
            for (UserPrincipal user : engine.listUsers()) {
                if (!users.contains(user.getName())) {
                    users.add(user.getName());
                }
            }
        }
        return users;
    }

    /** The login module class: Karaf's realms name a {@link ProxyLoginModule} and the real module in an option. */
    static String moduleOf(AppConfigurationEntry entry) {
        Object proxied = entry.getOptions().get(ProxyLoginModule.PROPERTY_MODULE);
        return proxied != null ? proxied.toString() : entry.getLoginModuleName();
    }

    /** LDAP, Kerberos and Syncope login modules: accounts that live in a directory, with its own lockout. */
    static boolean isDirectory(String loginModule) {
        return loginModule.contains(".ldap.") || loginModule.contains(".krb5.") || loginModule.contains(".syncope.")
                || loginModule.contains("Ldap") || loginModule.contains("LDAP");
    }

    /** Changes when a users file of the realm changes (size and time), so a check can be repeated at once. */
    static String fingerprint(JaasRealm realm) {
        StringBuilder print = new StringBuilder(realm.getName()).append('/').append(realm.getRank());
        for (AppConfigurationEntry entry : realm.getEntries()) {
            Object users = entry.getOptions().get(USERS_FILE_OPTION);
            if (users != null) {
                File file = new File(users.toString());
                print.append('|').append(file).append(':').append(file.length()).append(':').append(file.lastModified());
            }
        }
        return print.toString();
    }
}
