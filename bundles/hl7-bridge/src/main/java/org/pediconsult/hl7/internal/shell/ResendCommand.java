package org.pediconsult.hl7.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.pediconsult.hl7.internal.operations.Hl7Operations;
import org.pediconsult.platform.api.security.ShellActor;

/** {@code pediconsult:hl7-resend <id>}: queues a parked outbound message again. */
@Service
@Command(scope = "pediconsult", name = "hl7-resend", description = "Queues a PARKED outbound HL7 message again")
public class ResendCommand implements Action {
    @Reference
    Hl7Operations operations;

    @Argument(index = 0, name = "id", description = "Message id (see pediconsult:hl7-messages)", required = true)
    long id;

    @Override
    public Object execute() {
        operations.resend(ShellActor.current(), id);
        System.out.println("message " + id + " queued again");
        return null;
    }
}
