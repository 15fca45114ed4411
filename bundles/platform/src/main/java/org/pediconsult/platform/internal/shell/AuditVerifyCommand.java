package org.pediconsult.platform.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.pediconsult.platform.api.audit.AuditTrail;
import org.pediconsult.platform.api.audit.AuditVerification;

/** {@code pediconsult:audit-verify}: walks the audit hash chain and reports the first broken link. */
@Service
@Command(scope = "pediconsult", name = "audit-verify",
        description = "Verifies the audit trail's hash chain and reports the first broken record")
public class AuditVerifyCommand implements Action {
    @Reference
    AuditTrail audit;

    @Override
    public Object execute() {
        AuditVerification result = audit.verify();
        System.out.println(result);
        return null;
    }
}
