package org.pediconsult.platform.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.security.Accounts;
import org.pediconsult.platform.api.security.ShellActor;

/** {@code pediconsult:account-enable <login>}: the account may log in again (with a new login). */
@Service
@Command(scope = "pediconsult", name = "account-enable", description = "Enables a disabled account")
public class AccountEnableCommand implements Action {
    @Reference
    Accounts accounts;

    @Argument(index = 0, name = "login", required = true)
    String login;

    @Override
    public Object execute() {
        try {
            accounts.enable(login, ShellActor.current());
            System.out.println("account " + login + " enabled");
        } catch (ProblemException e) {
            System.err.println(e.getMessage());
        }
        return null;
    }
}
