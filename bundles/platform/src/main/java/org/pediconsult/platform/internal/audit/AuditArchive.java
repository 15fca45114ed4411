package org.pediconsult.platform.internal.audit;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.audit.AuditEntry;

/**
 * The regulator's export: the audit trail of a period as a signed zip that verifies offline.
 *
 * <pre>
 * README.txt                     how to verify (zh, en)
 * verify/VerifyAuditArchive.java the verifier: java verify/VerifyAuditArchive.java audit-....zip [--key k.jwk.json]
 * records.jsonl                  one record a line, in seq order, every hashed field exactly as hashed
 * manifest.json                  seq range, anchor (hash of the record before), last hash, counts, period,
 *                                export time and actor, key id, SHA-256 of records.jsonl
 * manifest.jws                   compact JWS (RS256) whose payload is exactly manifest.json's bytes
 * public-key.jwk.json            the public key (also at GET /api/audit/export/signing-keys, to pin)
 * </pre>
 *
 * The records are the chain segment from the first to the last record recorded in the period, without
 * gaps, so that its links verify: a record sealed out of time order next to a boundary (a transaction
 * that committed late) may lie just outside the period; {@code recordsInPeriod} counts the others.
 * Records are read a page at a time (never a year in memory, no connection held while the client reads).
 */
@Component(service = AuditArchive.class)
public class AuditArchive {
    /**
     * The pilot's days are Beijing days. The platform has no zone setting (nothing else in it needs
     * one); the reporting API takes the same zone from its caller.
     */
    public static final ZoneId PILOT_ZONE = ZoneId.of("Asia/Shanghai");
    public static final int MAX_DAYS = 400;
    static final String FORMAT = "pediconsult-audit-archive/1";
    static final int PAGE = 500;
    static final String HASH_RULE = "SHA-256 (hex) of the UTF-8 bytes of '<length>:<value>|' for each of seq, recordedAt, "
            + "actor, action, resourceType, resourceId, patientId, detail, then clientAddress and patients only when one "
            + "of them is not null, then prevHash; a null value is '-1:|'; <length> counts UTF-16 code units";

    private final HashChainedAuditTrail trail;
    private final DataSource dataSource;
    private final Clock clock;
    private final AuditArchiveKey key;

    @Activate
    public AuditArchive(@Reference HashChainedAuditTrail trail,
                        @Reference(target = "(dataSourceName=pediconsult)") DataSource dataSource,
                        @Reference Clock clock) throws IOException {
        this(trail, dataSource, clock,
                Paths.get(System.getProperty("karaf.data", "data"), "pediconsult", AuditArchiveKey.FILE_NAME));
    }

    AuditArchive(HashChainedAuditTrail trail, DataSource dataSource, Clock clock, Path keyFile) throws IOException {
        this.trail = trail;
        this.dataSource = dataSource;
        this.clock = clock;
        this.key = AuditArchiveKey.loadOrCreate(keyFile);
    }

    /** Beijing days {@code from} to {@code to}, both inclusive. */
    public record Period(LocalDate from, LocalDate to) {
        public Instant start() {
            return from.atStartOfDay(PILOT_ZONE).toInstant();
        }

        public Instant end() {
            return to.plusDays(1).atStartOfDay(PILOT_ZONE).toInstant();
        }

        /** {@code audit-<from>-<to>.zip}. */
        public String fileName() {
            return "audit-" + from + "-" + to + ".zip";
        }

        /** The period of {@code ?from=&to=} (YYYY-MM-DD, from &lt;= to, at most 400 days); 400 problems otherwise. */
        public static Period parse(String from, String to) {
            LocalDate f = day("from", from);
            LocalDate t = day("to", to);
            if (t.isBefore(f)) {
                throw ProblemException.badField("to", "to must not be before from");
            }
            if (ChronoUnit.DAYS.between(f, t) + 1 > MAX_DAYS) {
                throw ProblemException.badField("to", "a period is at most " + MAX_DAYS + " days (from and to inclusive)");
            }
            return new Period(f, t);
        }

        private static LocalDate day(String field, String value) {
            if (value == null || value.isBlank()) {
                throw ProblemException.badField(field, field + " is required: a day, YYYY-MM-DD");
            }
            try {
                return LocalDate.parse(value.trim());
            } catch (DateTimeParseException e) {
                throw ProblemException.badField(field, field + " must be a day, YYYY-MM-DD, e.g. 2026-01-01");
            }
        }
    }

    /** What an export will hold, settled before the first byte is sent (so that errors are still problems). */
    public record Plan(Period period, String actor, Instant exportedAt, Long firstSeq, Long lastSeq, long inPeriod,
                       String anchorHash, String anchorProblem) {
        public long count() {
            return firstSeq == null ? 0 : lastSeq - firstSeq + 1;
        }
    }

    /** Seals what is committed and finds the period's chain segment and its anchor. */
    public Plan plan(Period period, String actor) {
        Instant now = clock.instant();
        try {
            trail.sealNow();
            try (Connection c = dataSource.getConnection()) {
                Long first = null;
                Long last = null;
                long inPeriod;
                try (PreparedStatement ps = c.prepareStatement("SELECT MIN(seq), MAX(seq), COUNT(*) FROM platform_audit "
                        + "WHERE recorded_at >= ? AND recorded_at < ?")) {
                    ps.setTimestamp(1, Timestamp.from(period.start()));
                    ps.setTimestamp(2, Timestamp.from(period.end()));
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        inPeriod = rs.getLong(3);
                        if (inPeriod > 0) {
                            first = rs.getLong(1);
                            last = rs.getLong(2);
                        }
                    }
                }
                if (first == null) {
                    return new Plan(period, actor, now, null, null, 0, null, null);
                }
                if (first == 1) {
                    return new Plan(period, actor, now, first, last, inPeriod, AuditRecordHash.GENESIS, null);
                }
                String anchor = hashOf(c, first - 1);
                if (anchor != null) {
                    return new Plan(period, actor, now, first, last, inPeriod, anchor, null);
                }
                // the record before is gone: anchor on what the first record says, and say so in the manifest
                return new Plan(period, actor, now, first, last, inPeriod, prevHashOf(c, first),
                        "record " + (first - 1) + " (the anchor) is missing from the trail");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("audit trail could not be read", e);
        }
    }

    private static String hashOf(Connection c, long seq) throws SQLException {
        return column(c, "SELECT hash FROM platform_audit WHERE seq = ?", seq);
    }

    private static String prevHashOf(Connection c, long seq) throws SQLException {
        return column(c, "SELECT prev_hash FROM platform_audit WHERE seq = ?", seq);
    }

    private static String column(Connection c, String sql, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** The public key set (JWKS) of the archives' signing key. */
    public Map<String, Object> publicKeys() {
        return key.publicKeys();
    }

    public String keyId() {
        return key.keyId();
    }

    /**
     * Writes the archive of {@code plan} to {@code out} (not closed) and audits the export (EXPORT
     * {@code audit-trail}: the period and how many records; also when it breaks off).
     */
    public void write(Plan plan, OutputStream out) throws IOException {
        Progress progress = new Progress();
        Instant at = plan.exportedAt();
        try {
            ZipOutputStream zip = new ZipOutputStream(new FilterOutputStream(out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    out.flush();
                }
            }, StandardCharsets.UTF_8);
            put(zip, "README.txt", at, resource("README.txt"));
            put(zip, "verify/VerifyAuditArchive.java", at, resource("VerifyAuditArchive.java"));
            zip.putNextEntry(entry("records.jsonl", at));
            MessageDigest sha = sha256();
            OutputStream records = new DigestOutputStream(zip, sha);
            writeRecords(plan, records, progress);
            records.flush();
            zip.closeEntry();
            byte[] manifest = manifest(plan, progress, HexFormat.of().formatHex(sha.digest()));
            put(zip, "manifest.json", at, manifest);
            put(zip, "manifest.jws", at, (key.sign(manifest) + "\n").getBytes(StandardCharsets.US_ASCII));
            put(zip, "public-key.jwk.json", at, (key.publicJwk() + "\n").getBytes(StandardCharsets.UTF_8));
            zip.finish();
            zip.flush();
        } catch (IOException | SQLException | RuntimeException e) {
            audit(plan, "interrupted after " + progress.written + " of " + plan.count() + " records");
            throw e instanceof IOException io ? io : new IOException("audit export failed", e);
        }
        audit(plan, plan.count() + " records" + (plan.firstSeq() == null ? ""
                : ", seq " + plan.firstSeq() + ".." + plan.lastSeq() + " (" + plan.inPeriod() + " in the period)")
                + ", key " + key.keyId());
    }

    private void audit(Plan plan, String what) {
        trail.record(new AuditEntry(plan.actor(), AuditEntry.Action.EXPORT, "audit-trail", null, null,
                "period " + plan.period().from() + ".." + plan.period().to() + " " + PILOT_ZONE + ": " + what));
    }

    /** How far the records went, and the first thing that did not verify on the way. */
    private static final class Progress {
        long written;
        String lastHash;
        String chainProblem;
    }

    private void writeRecords(Plan plan, OutputStream out, Progress progress) throws IOException, SQLException {
        if (plan.firstSeq() == null) {
            return;
        }
        long expected = plan.firstSeq();
        String prev = plan.anchorHash();
        progress.chainProblem = plan.anchorProblem();
        long after = plan.firstSeq() - 1;
        while (after < plan.lastSeq()) {
            List<Map<String, Object>> page = page(after, plan.lastSeq());
            if (page.isEmpty()) {
                break;
            }
            for (Map<String, Object> r : page) {
                long seq = (Long) r.get("seq");
                if (progress.chainProblem == null) {
                    progress.chainProblem = check(r, seq, expected, prev);
                }
                out.write(Json.object(r, false).getBytes(StandardCharsets.UTF_8));
                out.write('\n');
                prev = (String) r.get("hash");
                expected = seq + 1;
                after = seq;
                progress.written++;
            }
        }
        progress.lastHash = prev;
        if (progress.chainProblem == null && progress.written != plan.count()) {
            progress.chainProblem = "records " + expected + ".." + plan.lastSeq() + " are missing";
        }
    }

    /** The same checks as {@link AuditChainWalk} and the offline verifier; null when the record verifies. */
    private static String check(Map<String, Object> r, long seq, long expected, String prev) {
        if (seq != expected) {
            return "record " + expected + " is missing";
        }
        if (!prev.equals(r.get("prevHash"))) {
            return "record " + seq + ": link to the previous record does not match";
        }
        String recomputed = AuditRecordHash.of(seq, Instant.parse((String) r.get("recordedAt")), (String) r.get("actor"),
                (String) r.get("action"), (String) r.get("resourceType"), (String) r.get("resourceId"),
                (String) r.get("patientId"), (String) r.get("detail"), (String) r.get("clientAddress"),
                (String) r.get("patients"), prev);
        return recomputed.equals(r.get("hash")) ? null : "record " + seq + ": content does not match its hash";
    }

    /** Up to {@link #PAGE} records after {@code after}, up to {@code last}, in seq order; the connection is closed before writing. */
    private List<Map<String, Object>> page(long after, long last) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>(PAGE);
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT seq, recorded_at, actor, action, resource_type, resource_id, "
                     + "patient_id, detail, client_address, patients, prev_hash, hash FROM platform_audit "
                     + "WHERE seq > ? AND seq <= ? ORDER BY seq")) {
            ps.setLong(1, after);
            ps.setLong(2, last);
            ps.setMaxRows(PAGE);
            ps.setFetchSize(PAGE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("seq", rs.getLong(1));
                    // exactly the text the hash covers: AuditRecordHash hashes Instant.toString()
                    r.put("recordedAt", rs.getTimestamp(2).toInstant().toString());
                    r.put("actor", rs.getString(3));
                    r.put("action", rs.getString(4));
                    r.put("resourceType", rs.getString(5));
                    r.put("resourceId", rs.getString(6));
                    r.put("patientId", rs.getString(7));
                    r.put("detail", rs.getString(8));
                    r.put("clientAddress", rs.getString(9));
                    r.put("patients", rs.getString(10));
                    r.put("prevHash", rs.getString(11));
                    r.put("hash", rs.getString(12));
                    out.add(r);
                }
            }
        }
        return out;
    }

    private byte[] manifest(Plan plan, Progress progress, String recordsSha256) {
        Map<String, Object> period = new LinkedHashMap<>();
        period.put("from", plan.period().from().toString());
        period.put("to", plan.period().to().toString());
        period.put("zone", PILOT_ZONE.getId());
        period.put("start", plan.period().start().toString());
        period.put("end", plan.period().end().toString());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("period", period);
        m.put("firstSeq", plan.firstSeq());
        m.put("lastSeq", plan.lastSeq());
        // what the segment must hold; when the trail lacks a record the verifier names the gap
        m.put("count", plan.count());
        m.put("recordsInPeriod", plan.inPeriod());
        m.put("anchorSeq", plan.firstSeq() == null ? null : plan.firstSeq() - 1);
        m.put("anchorHash", plan.anchorHash());
        m.put("lastHash", progress.lastHash);
        m.put("recordsFile", "records.jsonl");
        m.put("recordsSha256", recordsSha256);
        m.put("hashRule", HASH_RULE);
        m.put("chainAtExport", progress.chainProblem == null ? "intact" : progress.chainProblem);
        m.put("exportedAt", plan.exportedAt().toString());
        m.put("exportedBy", plan.actor());
        m.put("keyId", key.keyId());
        return (Json.object(m, true) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static ZipEntry entry(String name, Instant at) {
        ZipEntry e = new ZipEntry(name);
        e.setTime(at.toEpochMilli());
        return e;
    }

    private static void put(ZipOutputStream zip, String name, Instant at, byte[] content) throws IOException {
        zip.putNextEntry(entry(name, at));
        zip.write(content);
        zip.closeEntry();
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = AuditArchive.class.getResourceAsStream("/audit-archive/" + name)) {
            if (in == null) {
                throw new IOException("the bundle lacks audit-archive/" + name);
            }
            return in.readAllBytes();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /**
     * The archive's JSON, written by hand so that its escaping is fixed: quote, backslash, control
     * characters and unpaired surrogates as escapes, everything else (Chinese text) as UTF-8.
     */
    static final class Json {
        private Json() {
        }

        static String object(Map<String, Object> m, boolean indent) {
            StringBuilder b = new StringBuilder(256);
            object(b, m, indent, "");
            return b.toString();
        }

        @SuppressWarnings("unchecked")
        private static void object(StringBuilder b, Map<String, Object> m, boolean indent, String margin) {
            String inner = margin + "  ";
            b.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> e : m.entrySet()) {
                if (!first) {
                    b.append(',');
                }
                first = false;
                if (indent) {
                    b.append('\n').append(inner);
                }
                string(b, e.getKey());
                b.append(indent ? ": " : ":");
                Object v = e.getValue();
                if (v == null) {
                    b.append("null");
                } else if (v instanceof Number || v instanceof Boolean) {
                    b.append(v);
                } else if (v instanceof Map) {
                    object(b, (Map<String, Object>) v, indent, inner);
                } else {
                    string(b, v.toString());
                }
            }
            if (indent && !m.isEmpty()) {
                b.append('\n').append(margin);
            }
            b.append('}');
        }

        static void string(StringBuilder b, String s) {
            b.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"' || c == '\\') {
                    b.append('\\').append(c);
                } else if (c == '\n') {
                    b.append("\\n");
                } else if (c == '\r') {
                    b.append("\\r");
                } else if (c == '\t') {
                    b.append("\\t");
                } else if (c < 0x20 || Character.isSurrogate(c) && !pairedAt(s, i)) {
                    b.append(String.format("\\u%04x", (int) c));
                } else if (Character.isHighSurrogate(c)) {
                    b.append(c).append(s.charAt(++i));
                } else {
                    b.append(c);
                }
            }
            b.append('"');
        }

        private static boolean pairedAt(String s, int i) {
            return Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
    }
}
