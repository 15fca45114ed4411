package org.pediconsult.platform.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.AuditTrail;
import org.pediconsult.platform.api.security.Account;
import org.pediconsult.platform.api.security.Accounts;
import org.pediconsult.platform.api.security.ShellActor;

/** {@code pediconsult:account-list}: the database accounts (staff only with {@code --staff}). */
@Service
@Command(scope = "pediconsult", name = "account-list", description = "Lists people's accounts (logins kept by PediConsult)")
public class AccountListCommand implements Action {
    @Reference
    Accounts accounts;

    @Reference
    AuditTrail audit;

    @Option(name = "--staff", description = "Leave out guardians")
    boolean staff;

    @Option(name = "--offset", description = "Skip this many")
    int offset;

    @Option(name = "--limit", description = "At most this many (500 at most)")
    int limit = 100;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Login");
        table.column("Name");
        table.column("Roles");
        table.column("State");
        int n = 0;
        for (Account a : accounts.list(staff, offset, limit)) {
            table.addRow().addContent(a.username(), a.displayName(), String.join(",", a.roles().stream().map(Enum::name).sorted().toList()),
                    !a.enabled() ? "disabled" : a.passwordChangeRequired() ? "temporary password" : "active");
            n++;
        }
        audit.record(new AuditEntry(ShellActor.current(), AuditEntry.Action.READ, "account-list", null, null, n + " accounts"));
        table.print(System.out);
        return null;
    }
}
