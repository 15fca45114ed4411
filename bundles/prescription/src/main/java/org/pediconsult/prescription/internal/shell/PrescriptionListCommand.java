package org.pediconsult.prescription.internal.shell;

import java.util.EnumSet;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.pediconsult.platform.api.security.Role;
import org.pediconsult.platform.api.security.ShellActor;
import org.pediconsult.prescription.api.PrescriptionDTO;
import org.pediconsult.prescription.api.PrescriptionState;
import org.pediconsult.prescription.internal.service.PrescriptionService;

/**
 * {@code pediconsult:prescription-list}: prescriptions in one state (ids, version, items, validity), no
 * names; audited as the user logged in to the console.
 */
@Service
@Command(scope = "pediconsult", name = "prescription-list", description = "Lists prescriptions in a state (default AWAITING_REVIEW)")
public class PrescriptionListCommand implements Action {
    @Reference
    PrescriptionService prescriptions;

    @Option(name = "--state", description = "AWAITING_REVIEW (default), APPROVED, REJECTED, VOIDED, EXPIRED, DISPENSED")
    String state = "AWAITING_REVIEW";

    @Override
    public Object execute() {
        AuthenticatedUser shellUser = new AuthenticatedUser(ShellActor.current(), EnumSet.of(Role.INTEGRATION_ADMIN));
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Id", "State", "Version", "Consultation", "Physician", "Items", "Signed", "Valid until", "Signature"}) {
            table.column(column);
        }
        for (PrescriptionDTO p : prescriptions.queue(shellUser, PrescriptionState.valueOf(state.toUpperCase(java.util.Locale.ROOT)), 200)) {
            boolean valid = p.signature != null && prescriptions.signer().verify(p.canonicalContent, p.signature).valid();
            table.addRow().addContent(p.id, p.state, p.version, p.consultationId, p.physician, p.items.size(), p.signedAt,
                    p.validUntil, p.signature == null ? "-" : valid ? "valid" : "INVALID");
        }
        table.print(System.out);
        return null;
    }
}
