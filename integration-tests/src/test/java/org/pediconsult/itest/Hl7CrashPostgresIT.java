package org.pediconsult.itest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@link Hl7Crash} on PostgreSQL, where production runs: the distribution's datasource pointed at a database
 * of this run ({@link PostgresDatabases}, dropped at the end of the session). The kill -9 takes the Karaf JVM
 * and its connections, not the server; what was committed before an ACK went out must be there after the
 * restart, and what was not must be processed once when the HIS resends it.
 */
class Hl7CrashPostgresIT extends Hl7Crash {
    private static final String DATASOURCE = "etc/org.ops4j.datasource-pediconsult.cfg";
    private static final List<String> KEYS = List.of("osgi.jdbc.driver.class", "url", "user", "password");

    @Override
    protected String folder() {
        return "hl7-crash-postgres";
    }

    @Override
    protected void useDatabase(KarafProcess karaf) throws IOException {
        Path cfg = karaf.home().resolve(DATASOURCE);
        // the H2 lines out, so the file names one database only
        String kept = Files.readAllLines(cfg, StandardCharsets.UTF_8).stream()
                .filter(line -> KEYS.stream().noneMatch(key -> line.trim().matches("\\Q" + key + "\\E\\s*=.*")))
                .collect(Collectors.joining("\n"));
        Files.writeString(cfg, kept + "\n", StandardCharsets.UTF_8);
        karaf.append(DATASOURCE, "osgi.jdbc.driver.class = org.postgresql.Driver\nurl = "
                + PostgresDatabases.create("hl7crash") + "\nuser = " + PostgresDatabases.user()
                + "\npassword = " + PostgresDatabases.password());
    }
}
