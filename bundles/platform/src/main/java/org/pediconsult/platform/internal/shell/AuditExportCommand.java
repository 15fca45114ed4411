package org.pediconsult.platform.internal.shell;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.security.ShellActor;
import org.pediconsult.platform.internal.audit.AuditArchive;

/**
 * {@code pediconsult:audit-export --from 2026-01-01 --to 2026-12-31 audit.zip}: the regulator's signed
 * archive of a period (the same as {@code GET /api/audit/export}), written to a file on the server
 * (never over an existing one; a {@code .part} file until complete). Audited as {@code shell:<login>}.
 */
@Service
@Command(scope = "pediconsult", name = "audit-export",
        description = "Writes the audit trail of a period (Beijing days) as a signed archive that verifies offline")
public class AuditExportCommand implements Action {
    @Reference
    AuditArchive archive;

    @Option(name = "--from", description = "First day, YYYY-MM-DD (Asia/Shanghai)", required = true)
    String from;

    @Option(name = "--to", description = "Last day, YYYY-MM-DD, inclusive (at most 400 days)", required = true)
    String to;

    @Argument(index = 0, name = "file", description = "The zip to write, e.g. audit-2026-01-01-2026-12-31.zip", required = true)
    String file;

    @Override
    public Object execute() throws IOException {
        AuditArchive.Period period;
        try {
            period = AuditArchive.Period.parse(from, to);
        } catch (ProblemException e) {
            System.err.println(e.getMessage());
            return null;
        }
        Path target = Paths.get(file).toAbsolutePath();
        if (Files.exists(target)) {
            System.err.println(target + " exists; name another file");
            return null;
        }
        AuditArchive.Plan plan = archive.plan(period, ShellActor.current());
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            archive.write(plan, out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        System.out.println(target + ": " + plan.count() + " records"
                + (plan.firstSeq() == null ? "" : ", seq " + plan.firstSeq() + ".." + plan.lastSeq())
                + ", signed by key " + archive.keyId());
        System.out.println("verify: java verify/VerifyAuditArchive.java " + target.getFileName()
                + " (the verifier is inside the zip)");
        return null;
    }
}
