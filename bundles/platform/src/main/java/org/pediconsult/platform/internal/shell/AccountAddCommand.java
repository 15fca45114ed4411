package org.pediconsult.platform.internal.shell;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.security.Account;
import org.pediconsult.platform.api.security.Accounts;
import org.pediconsult.platform.api.security.NewAccount;
import org.pediconsult.platform.api.security.Role;
import org.pediconsult.platform.api.security.ShellActor;
import org.pediconsult.platform.api.security.TemporaryPasswords;

/**
 * {@code pediconsult:account-add <login> <name> <role>...}: a staff account with a generated temporary
 * password, printed once on this console (never logged), to be changed at the first login. Physicians:
 * {@code pediconsult:physician-account}, which links the login to their profile.
 */
@Service
@Command(scope = "pediconsult", name = "account-add", description = "Creates a staff account with a temporary password")
public class AccountAddCommand implements Action {
    @Reference
    Accounts accounts;

    @Argument(index = 0, name = "login", description = "Login name, e.g. pharmacist.wu", required = true)
    String login;

    @Argument(index = 1, name = "name", description = "The person's name, e.g. 吴芳", required = true)
    String name;

    @Argument(index = 2, name = "roles", description = "PHARMACIST, COURIER, FRONT_DESK, AUDITOR, BILLING or INTEGRATION_ADMIN",
            required = true, multiValued = true)
    List<String> roles;

    @Option(name = "--phone", description = "Mobile number (for password reset codes)")
    String phone;

    @Override
    public Object execute() {
        Set<Role> set = EnumSet.noneOf(Role.class);
        for (String r : roles) {
            Role role = Role.fromName(r.trim().toUpperCase(java.util.Locale.ROOT));
            if (role == null || role == Role.GUARDIAN || role == Role.PHYSICIAN || role.name().startsWith("SYSTEM_")) {
                System.err.println("not a staff role here: " + r + " (physicians: pediconsult:physician-account)");
                return null;
            }
            set.add(role);
        }
        char[] password = TemporaryPasswords.generate();
        try {
            Account a = accounts.create(new NewAccount(login, name, phone, set, password, true), ShellActor.current());
            System.out.println("account " + a.username() + " created, roles " + a.roles());
            System.out.println("temporary password (shown once; to be changed at the first login): " + new String(password));
        } catch (ProblemException e) {
            System.err.println(e.getMessage());
        }
        return null;
    }
}
