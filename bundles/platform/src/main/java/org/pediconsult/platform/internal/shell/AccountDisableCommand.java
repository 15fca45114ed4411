package org.pediconsult.platform.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.security.Accounts;
import org.pediconsult.platform.api.security.ShellActor;

/** {@code pediconsult:account-disable <login> <reason>}: no more logins, and the account's tokens are refused at once. */
@Service
@Command(scope = "pediconsult", name = "account-disable", description = "Disables an account and revokes its tokens")
public class AccountDisableCommand implements Action {
    @Reference
    Accounts accounts;

    @Argument(index = 0, name = "login", required = true)
    String login;

    @Argument(index = 1, name = "reason", description = "Why (kept in the audit trail)", required = true, multiValued = true)
    java.util.List<String> reason;

    @Override
    public Object execute() {
        try {
            accounts.disable(login, String.join(" ", reason), ShellActor.current());
            System.out.println("account " + login + " disabled; its tokens are refused from now on");
        } catch (ProblemException e) {
            System.err.println(e.getMessage());
        }
        return null;
    }
}
