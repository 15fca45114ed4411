package org.pediconsult.consultation.internal.shell;

import java.util.EnumSet;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.pediconsult.consultation.api.dto.ConsultationDTO;
import org.pediconsult.consultation.internal.service.ConsultationWorkflow;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.pediconsult.platform.api.security.Role;
import org.pediconsult.platform.api.security.ShellActor;

/**
 * {@code pediconsult:consult-list}: recent consultations with state, specialty and schedule. Shows
 * ids only, no names; the listing is audited as the user logged in to the console.
 */
@Service
@Command(scope = "pediconsult", name = "consult-list", description = "Lists recent consultations (ids, states, schedule)")
public class ConsultListCommand implements Action {
    @Reference
    ConsultationWorkflow workflow;

    @Option(name = "--state", description = "Only consultations in this state, e.g. SCHEDULED")
    String state;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Id", "State", "Specialty", "Kind", "Scheduled", "Physician", "Child"}) {
            table.column(column);
        }
        // audited as the user who logged in to the console, not the operating-system user
        AuthenticatedUser shellUser = new AuthenticatedUser(ShellActor.current(),
                EnumSet.of(Role.INTEGRATION_ADMIN));
        for (ConsultationDTO k : workflow.list(shellUser)) {
            if (state == null || state.equalsIgnoreCase(k.state)) {
                table.addRow().addContent(k.id, k.state, k.specialtyId + (k.specialtyAvailable ? "" : " (not installed)"),
                        k.kind, k.scheduledAt, k.physicianId, k.childId);
            }
        }
        table.print(System.out);
        return null;
    }
}
