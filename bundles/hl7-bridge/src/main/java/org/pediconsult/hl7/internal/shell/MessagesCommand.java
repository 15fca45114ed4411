package org.pediconsult.hl7.internal.shell;

import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.pediconsult.hl7.internal.operations.Hl7Operations;
import org.pediconsult.platform.api.security.ShellActor;

/** {@code pediconsult:hl7-messages}: newest stored messages (ids, types, outcomes; no content). */
@Service
@Command(scope = "pediconsult", name = "hl7-messages", description = "Searches stored HL7 messages (no content shown)")
public class MessagesCommand implements Action {
    @Reference
    Hl7Operations operations;

    @Option(name = "--type", description = "Message type, e.g. ADT^A04")
    String type;

    @Option(name = "--outcome", description = "PROCESSED, ACCEPTED, ERROR, REJECTED or DUPLICATE")
    String outcome;

    @Option(name = "--limit", description = "Most rows shown (default 20)")
    int limit = 20;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        for (String c : new String[] {"Id", "Channel", "Received", "Type", "Control id", "Sender", "Outcome", "Error"}) {
            table.column(c);
        }
        for (Map<String, Object> m : operations.search(ShellActor.current(), type, outcome,
                limit)) {
            table.addRow().addContent(m.get("id"), m.get("channel"), m.get("receivedAt"), m.get("type"),
                    m.get("controlId"), m.get("sender"), m.get("outcome"), m.get("error"));
        }
        table.print(System.out);
        return null;
    }
}
