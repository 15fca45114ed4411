package org.pediconsult.hl7.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.pediconsult.hl7.internal.operations.Hl7Operations;
import org.pediconsult.platform.api.security.ShellActor;

/** {@code pediconsult:hl7-prune}: applies the retention policy now. */
@Service
@Command(scope = "pediconsult", name = "hl7-prune", description = "Deletes stored HL7 messages past the retention policy")
public class PruneCommand implements Action {
    @Reference
    Hl7Operations operations;

    @Override
    public Object execute() {
        System.out.println(operations.prune(ShellActor.current()));
        return null;
    }
}
