package org.pediconsult.platform.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import com.nimbusds.jose.jwk.RSAKey;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pediconsult.platform.api.Ids;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.internal.MutableClock;

/**
 * Real records from {@link HashChainedAuditTrail} on H2, exported, then checked by the very verifier the
 * archive carries (compiled from the archive's verify/VerifyAuditArchive.java, and once run as
 * {@code java VerifyAuditArchive.java} in a separate JVM), untouched and tampered with.
 */
class AuditArchiveTest {
    private static final String OK = "archive OK: ";

    @TempDir
    Path dir;

    private JdbcDataSource db;
    private HashChainedAuditTrail trail;
    private AuditArchive archive;
    // 2026-03-31 23:59:59.000 in Beijing: the day before the period
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-31T15:59:59Z"));

    @BeforeEach
    void setUp() throws IOException {
        db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:" + Ids.newId() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(db).locations("classpath:db/migration/platform").table("flyway_history_platform")
                .load().migrate();
        trail = new HashChainedAuditTrail(db, clock, false);
        archive = new AuditArchive(trail, db, clock, dir.resolve("keys").resolve(AuditArchiveKey.FILE_NAME));
    }

    private static final AuditArchive.Period APRIL_1_2 = new AuditArchive.Period(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 2));

    /**
     * seq 1: 2026-03-31 23:59:59.000 Beijing (outside); seq 2..2506: April 1st and 2nd (2,500 plain
     * reads, page boundaries every 500, and 5 awkward ones); seq 2507: 2026-04-03 00:00:00.000
     * Beijing = 2026-04-02T16:00:00Z (outside, the end is exclusive).
     */
    private void trailOfApril() {
        record(new AuditEntry("dr.wang", AuditEntry.Action.READ, "child", "c-0", "c-0", "before"));
        clock.advance(Duration.ofSeconds(1)); // 2026-04-01 00:00:00.000 Beijing: the first instant of the period
        record(new AuditEntry("dr.wang", AuditEntry.Action.READ, "child", "c-1", "c-1", "身高 102 cm \"quoted\" \\ back\nline\ttab\u0001"));
        record(new AuditEntry("guardian.liu", AuditEntry.Action.UPDATE, "child", "c-2", "c-2", null).withClientAddress("10.0.0.7"));
        record(new AuditEntry("dr.wang", AuditEntry.Action.READ, "child-list", null, null, "3 children 👶")
                .withPatients(List.of("c-3", "c-1", "c-2")));
        record(new AuditEntry("shell:admin", AuditEntry.Action.EXPORT, "audit-trail", null, null, "lone \ud800 surrogate"));
        record(new AuditEntry("hl7:his", AuditEntry.Action.CREATE, "child", "c-4", "c-4", "").withClientAddress("hl7:his")
                .withPatients(List.of("c-4")));
        for (int i = 0; i < 2500; i++) {
            clock.advance(Duration.ofMillis(60_000)); // 2,500 minutes: into April 2nd, not beyond
            record(new AuditEntry("dr.zhang", AuditEntry.Action.READ, "consultation", "k-" + i, "c-" + (i % 7), "seen"));
        }
        clock.advance(Duration.ofMillis(1));
        // 00:00 on April 3rd in Beijing: set the clock to it exactly
        clock.advance(Duration.between(clock.instant(), Instant.parse("2026-04-02T16:00:00Z")));
        record(new AuditEntry("dr.wang", AuditEntry.Action.READ, "child", "c-9", "c-9", "after"));
    }

    private void record(AuditEntry e) {
        trail.record(e);
    }

    private Path export(AuditArchive.Period period, String name) throws IOException {
        AuditArchive.Plan plan = archive.plan(period, "auditor.chen");
        Path zip = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(zip)) {
            archive.write(plan, out);
        }
        return zip;
    }

    @Test
    void exportOfAPeriodVerifiesOfflineAndTamperingIsRefused() throws Exception {
        trailOfApril();
        assertTrue(trail.verify().intact());
        Path zip = export(APRIL_1_2, APRIL_1_2.fileName());
        assertEquals("audit-2026-04-01-2026-04-02.zip", APRIL_1_2.fileName());
        Map<String, byte[]> entries = read(zip);
        assertEquals(List.of("README.txt", "verify/VerifyAuditArchive.java", "records.jsonl", "manifest.json", "manifest.jws",
                "public-key.jwk.json"), new ArrayList<>(entries.keySet()), "the archive's layout");

        // the manifest: records 2..2506 (2,505 = 5 + 2,500), anchored on record 1's hash
        String manifest = text(entries.get("manifest.json"));
        String anchor = hashOf(1);
        for (String expected : List.of("\"firstSeq\": 2,", "\"lastSeq\": 2506,", "\"count\": 2505,", "\"recordsInPeriod\": 2505,",
                "\"anchorSeq\": 1,", "\"anchorHash\": \"" + anchor + "\"", "\"lastHash\": \"" + hashOf(2506) + "\"",
                "\"start\": \"2026-03-31T16:00:00Z\"", "\"end\": \"2026-04-02T16:00:00Z\"", "\"zone\": \"Asia/Shanghai\"",
                "\"chainAtExport\": \"intact\"", "\"exportedBy\": \"auditor.chen\"", "\"keyId\": \"" + archive.keyId() + "\"")) {
            assertTrue(manifest.contains(expected), expected + " in " + manifest);
        }
        List<String> lines = lines(entries.get("records.jsonl"));
        assertEquals(2505, lines.size());
        assertTrue(lines.get(0).startsWith("{\"seq\":2,\"recordedAt\":\"2026-03-31T16:00:00Z\",\"actor\":\"dr.wang\""), lines.get(0));
        assertTrue(lines.get(0).contains("\"detail\":\"身高 102 cm \\\"quoted\\\" \\\\ back\\nline\\ttab\\u0001\""), lines.get(0));
        assertTrue(lines.get(2).contains("\"patients\":\"c-1,c-2,c-3\""), lines.get(2));
        assertTrue(lines.get(3).contains("\"detail\":\"lone \\ud800 surrogate\""), lines.get(3));

        Path verifier = extract(entries, "verify/VerifyAuditArchive.java");
        Verifier v = new Verifier(verifier);
        String ok = OK + "2505 records, seq 2..2506, chain intact, signed by key " + archive.keyId();
        assertEquals(ok, v.run(zip).firstLine, "the untouched archive");
        assertEquals(0, v.last.code);
        Path pinned = dir.resolve("pinned.jwks.json");
        Files.writeString(pinned, com.nimbusds.jose.util.JSONObjectUtils.toJSONString(archive.publicKeys()));
        assertEquals(ok, v.run(zip, "--key", pinned.toString()).firstLine, "with the key pinned from GET signing-keys (JWKS)");

        // as a regulator runs it: java verify/VerifyAuditArchive.java <zip>, in a JVM of its own
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), verifier.toString(), zip.toString()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.startsWith(ok + System.lineSeparator()), out);

        // one byte of record 3's detail ("身高 102 cm" -> "身高 103 cm")
        List<String> changed = new ArrayList<>(lines);
        changed.set(0, lines.get(0).replace("102 cm", "103 cm"));
        assertEquals("archive REFUSED: record seq 2: hash mismatch", v.run(with(zip, "records.jsonl", jsonl(changed))).firstLine);
        changed = new ArrayList<>(lines);
        changed.set(1499, lines.get(1499).replace("\"seen\"", "\"seen!\""));
        assertEquals("archive REFUSED: record seq 1501: hash mismatch", v.run(with(zip, "records.jsonl", jsonl(changed))).firstLine);
        // a record removed
        changed = new ArrayList<>(lines);
        changed.remove(100);
        assertEquals("archive REFUSED: record seq 103: expected seq 102 here (a record is missing, added or out of order)",
                v.run(with(zip, "records.jsonl", jsonl(changed))).firstLine);
        // two records swapped
        changed = new ArrayList<>(lines);
        changed.set(10, lines.get(11));
        changed.set(11, lines.get(10));
        assertEquals("archive REFUSED: record seq 13: expected seq 12 here (a record is missing, added or out of order)",
                v.run(with(zip, "records.jsonl", jsonl(changed))).firstLine);
        // the last record cut off
        changed = new ArrayList<>(lines.subList(0, lines.size() - 1));
        assertEquals("archive REFUSED: records.jsonl holds 2504 records, the manifest says 2505",
                v.run(with(zip, "records.jsonl", jsonl(changed))).firstLine);
        // the same records, written differently (a space): every hash holds, the file's SHA-256 does not
        changed = new ArrayList<>(lines);
        changed.set(5, lines.get(5).replace("{\"seq\":", "{ \"seq\":"));
        assertEquals("archive REFUSED: records.jsonl: SHA-256 does not match the manifest",
                v.run(with(zip, "records.jsonl", jsonl(changed))).firstLine);
        // a record added to the chain's end, hashed and linked correctly: the signed count says no
        changed = new ArrayList<>(lines);
        changed.add(recordAfter(2506));
        assertEquals("archive REFUSED: records.jsonl holds 2506 records, the manifest says 2505",
                v.run(with(zip, "records.jsonl", jsonl(changed))).firstLine);

        // the manifest changed (readable copy), and the signed one re-encoded with a change
        assertEquals("archive REFUSED: manifest.json differs from the signed manifest (manifest.jws)",
                v.run(with(zip, "manifest.json", manifest.replace("\"count\": 2505", "\"count\": 2504").getBytes(StandardCharsets.UTF_8))).firstLine);
        String[] jws = text(entries.get("manifest.jws")).trim().split("\\.");
        String otherPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                manifest.replace("auditor.chen", "auditor.wu").getBytes(StandardCharsets.UTF_8));
        assertEquals("archive REFUSED: manifest.jws: the signature does not verify with key " + archive.keyId(),
                v.run(with(zip, "manifest.jws", (jws[0] + "." + otherPayload + "." + jws[2]).getBytes(StandardCharsets.US_ASCII))).firstLine);

        // another key in the archive: under the same key id, and under its own
        AuditArchiveKey stranger = AuditArchiveKey.loadOrCreate(dir.resolve("stranger.json"));
        RSAKey strangerKey = RSAKey.parse(stranger.publicJwk());
        String sameKid = new RSAKey.Builder(strangerKey).keyID(archive.keyId()).build().toJSONString();
        assertEquals("archive REFUSED: manifest.jws: the signature does not verify with key " + archive.keyId(),
                v.run(with(zip, "public-key.jwk.json", sameKid.getBytes(StandardCharsets.UTF_8))).firstLine);
        assertEquals("archive REFUSED: manifest.jws is signed by key " + archive.keyId() + ", not by key " + stranger.keyId(),
                v.run(with(zip, "public-key.jwk.json", stranger.publicJwk().getBytes(StandardCharsets.UTF_8))).firstLine);

        // a forger who re-signs the manifest with his own key and ships his key: the archive holds
        // together, so only the pinned key tells
        Path resigned = with(zip, "manifest.jws", (stranger.sign(entries.get("manifest.json")) + "\n").getBytes(StandardCharsets.US_ASCII));
        resigned = with(resigned, "public-key.jwk.json", stranger.publicJwk().getBytes(StandardCharsets.UTF_8));
        assertEquals(OK + "2505 records, seq 2..2506, chain intact, signed by key " + stranger.keyId(), v.run(resigned).firstLine);
        assertEquals("archive REFUSED: manifest.jws is signed by key " + stranger.keyId() + ", which " + pinned + " does not hold",
                v.run(resigned, "--key", pinned.toString()).firstLine);
        Path pinnedJwk = dir.resolve("pinned.jwk.json");
        Files.write(pinnedJwk, entries.get("public-key.jwk.json"));
        assertEquals("archive REFUSED: manifest.jws is signed by key " + stranger.keyId() + ", not by key " + archive.keyId(),
                v.run(resigned, "--key", pinnedJwk.toString()).firstLine);

        // not an archive, or a part missing
        Map<String, byte[]> noRecords = new LinkedHashMap<>(entries);
        noRecords.remove("records.jsonl");
        assertEquals("archive REFUSED: records.jsonl is missing", v.run(write(noRecords, "no-records.zip")).firstLine);
        assertEquals(2, v.run(zip, "--bogus").code);
    }

    @Test
    void exportIsAuditedWithThePeriodAndTheCount() throws Exception {
        trailOfApril();
        export(APRIL_1_2, "a.zip");
        List<Map<String, Object>> exports = trail.records(query("EXPORT", "auditor.chen"));
        assertEquals(1, exports.size());
        assertEquals("period 2026-04-01..2026-04-02 Asia/Shanghai: 2505 records, seq 2..2506 (2505 in the period), key "
                + archive.keyId(), exports.get(0).get("detail"));
        assertEquals("audit-trail", exports.get(0).get("resourceType"));
    }

    @Test
    void aRecordAlteredInTheDatabaseIsNamedByTheManifestAndRefusedByTheVerifier() throws Exception {
        trailOfApril();
        assertTrue(trail.verify().intact(), "sealed");
        sql("UPDATE platform_audit SET detail = 'harmless' WHERE seq = 4");
        assertEquals(4L, trail.verify().firstBrokenSeq());
        Path zip = export(APRIL_1_2, "altered.zip");
        Map<String, byte[]> entries = read(zip);
        String manifest = text(entries.get("manifest.json"));
        assertTrue(manifest.contains("\"chainAtExport\": \"record 4: content does not match its hash\""), manifest);
        Verifier v = new Verifier(extract(entries, "verify/VerifyAuditArchive.java"));
        assertEquals("archive REFUSED: record seq 4: hash mismatch", v.run(zip).firstLine);
    }

    @Test
    void theFirstDayStartsAtTheGenesisAndAnEmptyPeriodIsAnEmptyArchive() throws Exception {
        trailOfApril();
        Path all = export(new AuditArchive.Period(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 30)), "all.zip");
        Map<String, byte[]> entries = read(all);
        assertTrue(text(entries.get("manifest.json")).contains("\"anchorHash\": \"" + AuditRecordHash.GENESIS + "\""));
        Verifier v = new Verifier(extract(entries, "verify/VerifyAuditArchive.java"));
        assertEquals(OK + "2507 records, seq 1..2507, chain intact, signed by key " + archive.keyId(), v.run(all).firstLine);

        Path empty = export(new AuditArchive.Period(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 1)), "empty.zip");
        assertEquals(0, read(empty).get("records.jsonl").length);
        assertEquals(OK + "0 records, seq none, chain intact, signed by key " + archive.keyId(), v.run(empty).firstLine);
    }

    @Test
    void periodsAreBeijingDaysOfAtMost400() {
        AuditArchive.Period p = AuditArchive.Period.parse("2026-01-01", "2027-02-04");
        assertEquals(Instant.parse("2025-12-31T16:00:00Z"), p.start());
        assertEquals(Instant.parse("2027-02-04T16:00:00Z"), p.end(), "400 days, to inclusive");
        assertEquals("to", assertThrows(ProblemException.class, () -> AuditArchive.Period.parse("2026-01-01", "2027-02-05")).field());
        assertEquals("a period is at most 400 days (from and to inclusive)",
                assertThrows(ProblemException.class, () -> AuditArchive.Period.parse("2026-01-01", "2027-02-05")).getMessage());
        assertEquals("to must not be before from",
                assertThrows(ProblemException.class, () -> AuditArchive.Period.parse("2026-01-02", "2026-01-01")).getMessage());
        ProblemException bad = assertThrows(ProblemException.class, () -> AuditArchive.Period.parse("2026-1-1", "2026-01-01"));
        assertEquals("from", bad.field());
        assertEquals(400, bad.status());
        assertEquals("to", assertThrows(ProblemException.class, () -> AuditArchive.Period.parse("2026-01-01", null)).field());
        assertEquals("from", assertThrows(ProblemException.class, () -> AuditArchive.Period.parse(" ", "2026-01-01")).field());
    }

    @Test
    void theSigningKeyIsKeptOwnerOnlyAndReused() throws Exception {
        Path file = dir.resolve("keys").resolve(AuditArchiveKey.FILE_NAME);
        assertTrue(Files.exists(file));
        try {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        } catch (UnsupportedOperationException notPosix) {
            // Windows
        }
        assertEquals(archive.keyId(), new AuditArchive(trail, db, clock, file).keyId(), "the same key after a restart");
        assertTrue(archive.keyId().startsWith("audit-"));
        Map<String, Object> jwks = archive.publicKeys();
        String json = com.nimbusds.jose.util.JSONObjectUtils.toJSONString(jwks);
        assertFalse(json.contains("\"d\""), "no private part: " + json);
        assertTrue(json.contains(archive.keyId()));
    }

    // --- helpers

    private AuditRecords.Query query(String action, String actor) {
        AuditRecords.Query q = new AuditRecords.Query();
        q.action = action;
        q.actor = actor;
        return q;
    }

    private String hashOf(long seq) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT hash FROM platform_audit WHERE seq = " + seq)) {
            assertTrue(rs.next(), "record " + seq);
            return rs.getString(1);
        }
    }

    /** A forged record after {@code seq}: a copy of it, numbered, linked and hashed as the next one. */
    private String recordAfter(long seq) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT recorded_at, actor, action, resource_type, resource_id, patient_id, "
                     + "detail, hash FROM platform_audit WHERE seq = " + seq)) {
            assertTrue(rs.next());
            Instant at = rs.getTimestamp(1).toInstant();
            String prev = rs.getString(8);
            String hash = AuditRecordHash.of(seq + 1, at, rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getString(6), rs.getString(7), prev);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("seq", seq + 1);
            r.put("recordedAt", at.toString());
            r.put("actor", rs.getString(2));
            r.put("action", rs.getString(3));
            r.put("resourceType", rs.getString(4));
            r.put("resourceId", rs.getString(5));
            r.put("patientId", rs.getString(6));
            r.put("detail", rs.getString(7));
            r.put("clientAddress", null);
            r.put("patients", null);
            r.put("prevHash", prev);
            r.put("hash", hash);
            return AuditArchive.Json.object(r, false);
        }
    }

    private void sql(String statement) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static List<String> lines(byte[] jsonl) {
        String t = text(jsonl);
        assertTrue(t.endsWith("\n"));
        return new ArrayList<>(List.of(t.substring(0, t.length() - 1).split("\n", -1)));
    }

    private static byte[] jsonl(List<String> lines) {
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, byte[]> read(Path zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }

    private int copies;

    private Path with(Path zip, String name, byte[] content) throws IOException {
        Map<String, byte[]> entries = read(zip);
        assertNotNull(entries.put(name, content), name);
        return write(entries, "tampered-" + (++copies) + ".zip");
    }

    private Path write(Map<String, byte[]> entries, String name) throws IOException {
        Path out = dir.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out), StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out;
    }

    private Path extract(Map<String, byte[]> entries, String name) throws IOException {
        Path out = dir.resolve("extracted").resolve(name);
        Files.createDirectories(out.getParent());
        Files.write(out, entries.get(name));
        return out;
    }

    /** The archive's verifier, compiled with the JDK's compiler and called in this JVM ({@code run(args, out)}). */
    private final class Verifier {
        private final Method run;
        Result last;

        Verifier(Path source) throws Exception {
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            assertNotNull(javac, "tests run on a JDK");
            Path classes = Files.createDirectories(dir.resolve("verifier-classes"));
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            assertEquals(0, javac.run(null, null, err, "-Xlint:all", "-Werror", "--release", "17", "-d", classes.toString(),
                    source.toString()), err.toString(StandardCharsets.UTF_8));
            URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            run = loader.loadClass("VerifyAuditArchive").getMethod("run", String[].class, PrintStream.class);
        }

        Result run(Path zip, String... options) throws Exception {
            List<String> args = new ArrayList<>(List.of(zip.toString()));
            args.addAll(List.of(options));
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
            int code = (Integer) run.invoke(null, args.toArray(new String[0]), out);
            String all = buffer.toString(StandardCharsets.UTF_8);
            last = new Result(code, all.lines().findFirst().orElse(""));
            assertEquals(last.firstLine.startsWith(OK) ? 0 : last.firstLine.startsWith("archive REFUSED") ? 1 : 2, code, all);
            return last;
        }
    }

    private record Result(int code, String firstLine) {
    }
}
