import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Benchmark (not a test): what each B-tree a booking changes costs H2's durable commit, apart from the rest of the
 * suite. The schema is the real one: every platform and consultation migration of the source tree, run in order with
 * RUNSCRIPT. {@code threads} threads then each book their share of {@code bookings} seeded consultations, one
 * transaction per booking with the writes of {@code Booking.book} (the conditional slot claim, the consultation's
 * UPDATE, the transition row, the outbox event and the audit queue row) and its reads of the consultation and the
 * slot, on a file database with WRITE_DELAY=0, as the suite runs it. Variants: {@link #VARIANTS}; each run is a
 * fresh file, the variants alternate round by round. Figures: process CPU and wall time per booking over the booking phase only
 * (seeding excluded), after one uncounted run of the first variant for the JIT.
 *
 *   java -Xmx384m -XX:+UseSerialGC -cp h2-2.2.224.jar bench/booking/BookingWrites.java [bookings] [rounds] [threads]
 *
 * (the suite's heap and collector). The bytes written per booking are H2's own count (info.FILE_WRITE_BYTES): the
 * pages each commit serialises, steadier than the CPU figures on a shared machine.
 */
public class BookingWrites {
    /**
     * The variants, each applied after every migration of the source tree. "before": the schema of V12, with the
     * index V13 drops and the transition's index the platform drops on H2 as the twin of H2's own for the foreign key
     * (H2TwinIndexes); "after": what the suite runs since V13. More with -Dvariants=a,b: "no-outbox-unique" (the
     * outbox's unique event_id dropped: a platform-wide decision, not taken) and "page-size-N" (H2's PAGE_SIZE).
     */
    static final Map<String, String> VARIANTS = new LinkedHashMap<>();
    static {
        VARIANTS.put("before (V12)", "CREATE INDEX IF NOT EXISTS ix_consult_slot_free ON consult_slot (physician_id, consultation_id);"
                + "CREATE INDEX IF NOT EXISTS ix_consult_transition_consultation ON consult_transition (consultation_id)");
        VARIANTS.put("after (V13, no twin)", "DROP INDEX IF EXISTS ix_consult_transition_consultation");
        for (String v : System.getProperty("variants", "").split(",")) {
            if (v.equals("no-outbox-unique")) {
                VARIANTS.put("after, no outbox unique", "DROP INDEX IF EXISTS ix_consult_transition_consultation;"
                        + "ALTER TABLE platform_outbox DROP CONSTRAINT uq_platform_outbox_event");
            } else if (v.startsWith("page-size-")) {
                // H2 applies PAGE_SIZE (the size at which a B-tree page splits) at each open; it is not kept in the file
                VARIANTS.put("after, PAGE_SIZE=" + v.substring(10), "DROP INDEX IF EXISTS ix_consult_transition_consultation;"
                        + "@URL@;PAGE_SIZE=" + v.substring(10));
            }
        }
    }

    public static void main(String[] args) throws Exception {
        int bookings = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        Path root = Path.of(System.getProperty("repo", "."));
        List<Path> migrations = new ArrayList<>();
        migrations.addAll(scripts(root.resolve("bundles/platform/src/main/resources/db/migration/platform")));
        migrations.addAll(scripts(root.resolve("bundles/consultation/src/main/resources/db/migration/consultation")));
        Map<String, List<double[]>> results = new LinkedHashMap<>();
        System.out.println("warm-up (not counted): " + Math.round(run(migrations, VARIANTS.values().iterator().next(), bookings, threads)[0]) + " us CPU/booking");
        for (int r = 1; r <= rounds; r++) {
            for (Map.Entry<String, String> v : VARIANTS.entrySet()) {
                double[] f = run(migrations, v.getValue(), bookings, threads);
                results.computeIfAbsent(v.getKey(), k -> new ArrayList<>()).add(f);
                System.out.printf("round %d %-26s %5.0f us CPU/booking, %5.0f bookings/s, %5.0f bytes written/booking, "
                        + "secondary indexes %d%n", r, v.getKey(), f[0], f[1], f[3], (long) f[2]);
            }
        }
        System.out.println();
        System.out.println("| variant | us of CPU per booking (median) | bookings/s (median) | bytes written per booking (median) | all runs, us |");
        System.out.println("| --- | --- | --- | --- | --- |");
        for (Map.Entry<String, List<double[]>> e : results.entrySet()) {
            List<double[]> runs = e.getValue();
            StringBuilder all = new StringBuilder();
            for (double[] f : runs) {
                all.append(all.length() == 0 ? "" : ", ").append(String.format("%.0f", f[0]));
            }
            System.out.printf("| %s | %.0f | %.0f | %.0f | %s |%n", e.getKey(), median(runs, 0), median(runs, 1), median(runs, 3),
                    all);
        }
    }

    static List<Path> scripts(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString().replaceAll("^V(\\d+)__.*", "$1"))))
                    .toList();
        }
    }

    static double median(List<double[]> runs, int i) {
        double[] v = runs.stream().mapToDouble(f -> f[i]).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** {CPU us per booking, bookings per second, secondary indexes of the changed tables, bytes written per booking}. */
    static double[] run(List<Path> migrations, String change, int bookings, int threads) throws Exception {
        Path dir = Files.createTempDirectory("booking-writes");
        String url = "jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0"
                + (change.contains("@URL@") ? change.substring(change.indexOf("@URL@") + 5) : "");
        change = change.contains("@URL@") ? change.substring(0, change.indexOf("@URL@")) : change;
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            try (Statement s = c.createStatement()) {
                for (Path m : migrations) {
                    s.execute("RUNSCRIPT FROM '" + m.toAbsolutePath() + "' CHARSET 'UTF-8'");
                }
                for (String sql : change.split(";")) {
                    if (!sql.isBlank()) {
                        s.execute(sql);
                    }
                }
            }
            seed(c, bookings);
        }
        long indexes;
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEXES "
                     + "WHERE TABLE_NAME IN ('CONSULT_CONSULTATION', 'CONSULT_SLOT', 'CONSULT_TRANSITION', "
                     + "'PLATFORM_OUTBOX', 'PLATFORM_AUDIT_PENDING') AND INDEX_TYPE_NAME <> 'PRIMARY KEY'")) {
            rs.next();
            indexes = rs.getLong(1);
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Connection stats = DriverManager.getConnection(url, "sa", "");
        long written0 = writtenBytes(stats);
        AtomicReference<Throwable> failed = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            workers.add(new Thread(() -> {
                try (Connection c = DriverManager.getConnection(url, "sa", "")) {
                    c.setAutoCommit(false);
                    for (int i = first; i < bookings; i += threads) {
                        book(c, i);
                    }
                } catch (Throwable e) {
                    failed.compareAndSet(null, e);
                }
            }));
        }
        long cpu0 = os.getProcessCpuTime();
        long wall0 = System.nanoTime();
        workers.forEach(Thread::start);
        for (Thread w : workers) {
            w.join();
        }
        long wall = System.nanoTime() - wall0;
        long cpu = os.getProcessCpuTime() - cpu0;
        long written = writtenBytes(stats) - written0;
        stats.close();
        if (failed.get() != null) {
            throw new IllegalStateException("a booking failed", failed.get());
        }
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM consult_slot WHERE consultation_id IS NOT NULL")) {
            rs.next();
            if (rs.getLong(1) != bookings) {
                throw new IllegalStateException("booked " + rs.getLong(1) + " of " + bookings);
            }
            c.createStatement().execute("SHUTDOWN");
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        return new double[] {cpu / 1000.0 / bookings, bookings / (wall / 1e9), indexes, (double) written / bookings};
    }

    /** What H2 has written to the file since it was opened (the chunks: serialised pages and their headers). */
    static long writtenBytes(Connection c) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'info.FILE_WRITE_BYTES'")) {
            rs.next();
            return Long.parseLong(rs.getString(1));
        }
    }

    static String id(String kind, int i) {
        return kind + "-" + UUID.nameUUIDFromBytes((kind + i).getBytes()).toString().substring(kind.length() + 1);
    }

    /** 50 physicians; per booking a child, a guardian and a DRAFT consultation, and one free slot. */
    static void seed(Connection c, int bookings) throws SQLException {
        c.setAutoCommit(false);
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement p = c.prepareStatement("INSERT INTO consult_physician (id, username, family_name, given_name, "
                + "licence_number, practice_since, institution, whitelisted, created_at) VALUES (?, ?, '王', '医生', ?, DATE '2015-01-01', "
                + "'儿童医院', TRUE, ?)")) {
            for (int i = 0; i < 50; i++) {
                p.setString(1, id("p", i));
                p.setString(2, "doctor" + i);
                p.setString(3, "L" + i);
                p.setTimestamp(4, now);
                p.addBatch();
            }
            p.executeBatch();
        }
        try (PreparedStatement child = c.prepareStatement("INSERT INTO consult_child (id, family_name, given_name, sex, birth_date, "
                + "created_by, created_at) VALUES (?, '唐', '小明', 'M', DATE '2021-03-04', 'bench', ?)");
             PreparedStatement guardian = c.prepareStatement("INSERT INTO consult_guardian (id, username, family_name, given_name, "
                     + "identity_verified, created_at) VALUES (?, ?, '唐', '建国', TRUE, ?)");
             PreparedStatement consult = c.prepareStatement("INSERT INTO consult_consultation (id, child_id, guardian_id, "
                     + "specialty_id, kind, state, version, created_at, updated_at) VALUES (?, ?, ?, 'growth', 'INITIAL', 'DRAFT', 0, ?, ?)");
             PreparedStatement slot = c.prepareStatement("INSERT INTO consult_slot (id, physician_id, starts_at, minutes) "
                     + "VALUES (?, ?, ?, 20)")) {
            Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
            for (int i = 0; i < bookings; i++) {
                child.setString(1, id("c", i));
                child.setTimestamp(2, now);
                child.addBatch();
                guardian.setString(1, id("g", i));
                guardian.setString(2, "guardian" + i);
                guardian.setTimestamp(3, now);
                guardian.addBatch();
                consult.setString(1, id("k", i));
                consult.setString(2, id("c", i));
                consult.setString(3, id("g", i));
                consult.setTimestamp(4, now);
                consult.setTimestamp(5, now);
                consult.addBatch();
                slot.setString(1, id("s", i));
                slot.setString(2, id("p", i % 50));
                slot.setTimestamp(3, Timestamp.from(start.plus(20L * (i / 50), ChronoUnit.MINUTES)));
                slot.addBatch();
                if (i % 1000 == 999 || i == bookings - 1) {
                    child.executeBatch();
                    guardian.executeBatch();
                    consult.executeBatch();
                    slot.executeBatch();
                    c.commit();
                }
            }
        }
        c.setAutoCommit(true);
    }

    /** The one row {@code sql} finds for {@code id}: column label (upper case, as H2 gives it) to value. */
    static Map<String, Object> row(Connection c, String sql, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                }
                return row;
            }
        }
    }

    /** What Booking.book writes, with its reads of the consultation and the slot: one transaction. */
    static void book(Connection c, int i) throws SQLException {
        String k = id("k", i);
        String slot = id("s", i);
        Timestamp now = Timestamp.from(Instant.now());
        int version = (Integer) row(c, "SELECT * FROM consult_consultation WHERE id = ?", k).get("VERSION");
        Map<String, Object> bookable = row(c, "SELECT * FROM consult_slot WHERE id = ?", slot);
        Object startsAt = bookable.get("STARTS_AT");
        String physician = (String) bookable.get("PHYSICIAN_ID");
        try (PreparedStatement ps = c.prepareStatement("UPDATE consult_slot SET consultation_id = ? WHERE id = ? AND consultation_id IS NULL")) {
            ps.setString(1, k);
            ps.setString(2, slot);
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("slot taken");
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE consult_consultation SET state = ?, physician_id = ?, slot_id = ?, "
                + "scheduled_at = ?, guardian_present = ?, guardian_attested_by = ?, guardian_attested_at = ?, "
                + "diagnosis = ?, plan = ?, referral_reason = ?, referral_facility = ?, referral_reason_zh = ?, "
                + "referral_facility_zh = ?, referral_urgency = ?, referral_destination = ?, version = ?, updated_at = ?, "
                + "completed_at = COALESCE(completed_at, ?) WHERE id = ? AND version = ?")) {
            Object[] values = {"BOOKED", physician, slot, startsAt, false, null, null, null, null, null, null, null, null,
                null, null, version + 1, now, null, k, version};
            for (int v = 0; v < values.length; v++) {
                ps.setObject(v + 1, values[v]);
            }
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("version changed");
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO consult_transition (consultation_id, from_state, to_state, "
                + "action, actor, at) VALUES (?, 'DRAFT', 'BOOKED', 'BOOK', ?, ?)")) {
            ps.setString(1, k);
            ps.setString(2, "guardian" + i);
            ps.setTimestamp(3, now);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO platform_outbox (event_id, destination, event_type, body, "
                + "created_at) VALUES (?, 'pediconsult.consultation.booked', 'pediconsult.consultation.booked', ?, ?)")) {
            ps.setString(1, UUID.randomUUID().toString());
            ps.setString(2, "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"pediconsult.consultation.booked\","
                    + "\"version\":1,\"aggregateId\":\"" + k + "\",\"data\":{\"consultationId\":\"" + k + "\",\"childId\":\""
                    + id("c", i) + "\",\"physicianId\":\"" + physician + "\",\"slotId\":\"" + slot + "\",\"from\":\"DRAFT\","
                    + "\"to\":\"BOOKED\",\"actor\":\"guardian" + i + "\",\"at\":\"" + now.toInstant() + "\"}}");
            ps.setTimestamp(3, now);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO platform_audit_pending (recorded_at, actor, action, "
                + "resource_type, resource_id, patient_id, detail, client_address, patients) VALUES (?, ?, 'UPDATE', "
                + "'consultation', ?, ?, 'BOOK', '127.0.0.1', NULL)")) {
            ps.setTimestamp(1, now);
            ps.setString(2, "guardian" + i);
            ps.setString(3, k);
            ps.setString(4, id("c", i));
            ps.executeUpdate();
        }
        c.commit();
    }
}
