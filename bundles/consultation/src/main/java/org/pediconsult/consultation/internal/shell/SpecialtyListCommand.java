package org.pediconsult.consultation.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.pediconsult.consultation.internal.service.ConsultationWorkflow;
import org.pediconsult.consultation.internal.service.SpecialtyRegistry;
import org.pediconsult.specialty.api.Specialty;

/** {@code pediconsult:specialty-list}: the specialties installed right now, each with its status in the pilot scope. */
@Service
@Command(scope = "pediconsult", name = "specialty-list", description = "Lists the installed specialties")
public class SpecialtyListCommand implements Action {
    @Reference
    SpecialtyRegistry registry;

    @Reference
    ConsultationWorkflow workflow;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Name");
        table.column("名称");
        table.column("Status");
        table.column("Questions");
        table.column("Formulary");
        var scope = workflow.currentScope();   // one snapshot for the whole list
        for (Specialty s : registry.all()) {
            table.addRow().addContent(s.id(), s.name().en, s.name().zh, scope.status(s.id()), s.questionnaire().questions.size(),
                    s.formulary().size());
        }
        table.print(System.out);
        return null;
    }
}
