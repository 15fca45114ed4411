package org.pediconsult.hl7.internal.shell;

import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.pediconsult.hl7.internal.operations.Hl7Operations;

/** {@code pediconsult:hl7-channels}: each channel with its port, state and message counts. */
@Service
@Command(scope = "pediconsult", name = "hl7-channels", description = "Lists HL7 channels with state, counts, metrics and last error")
public class ChannelsCommand implements Action {
    @Reference
    Hl7Operations operations;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        for (String c : new String[] {"Channel", "Direction", "Port / destination", "State", "Counts", "Metrics",
                "Last error"}) {
            table.column(c);
        }
        for (Map<String, Object> ch : operations.channels()) {
            Object where = ch.containsKey("port") ? ch.get("port") : ch.get("destination");
            Object error = ch.get("lastError");
            table.addRow().addContent(ch.get("name"), ch.get("direction"), where, ch.get("state"), ch.get("counts"),
                    ch.get("metrics"), error == null ? "" : error);
        }
        table.print(System.out);
        return null;
    }
}
