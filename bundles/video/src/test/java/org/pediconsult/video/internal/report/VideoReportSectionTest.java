package org.pediconsult.video.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.pediconsult.platform.api.data.Tx;
import org.pediconsult.platform.api.report.ReportPeriod;
import org.pediconsult.platform.api.report.SectionContent;
import org.pediconsult.platform.api.report.SectionContent.Figure;
import org.pediconsult.platform.api.report.SectionContent.Table;
import org.pediconsult.video.api.RoomRole;
import org.pediconsult.video.internal.room.CallEventKind;

/** The call-quality section on a known data set (the bundle's real migrations on in-memory H2). */
class VideoReportSectionTest {
    private static final ReportPeriod PERIOD = new ReportPeriod(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 30),
            ZoneId.of("Asia/Shanghai"));

    private static JdbcDataSource migrated(String name) throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        List<Path> scripts;
        try (Stream<Path> files = Files.list(Paths.get("src/main/resources/db/migration/video"))) {
            scripts = files.sorted(Comparator.comparingInt(p -> Integer.parseInt(
                    p.getFileName().toString().replaceAll("^V(\\d+)__.*", "$1")))).toList();
        }
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (Path p : scripts) {
                s.execute(Files.readString(p));
            }
        }
        return ds;
    }

    private static void event(Connection c, String cid, String role, CallEventKind kind, String detail, Integer seconds,
                              String at) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO video_call_event (consultation_id, role, kind, detail, "
                + "seconds, occurred_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, cid);
            ps.setString(2, role);
            ps.setString(3, kind.name());
            ps.setString(4, detail);
            ps.setObject(5, seconds);
            ps.setObject(6, OffsetDateTime.ofInstant(Instant.parse(at), ZoneOffset.UTC));
            ps.executeUpdate();
        }
    }

    private static void sample(Connection c, String at, Integer height, Double kbps, Double loss, Double rtt) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO video_call_stats (consultation_id, role, username, "
                + "reported_at, width, height, frame_rate, bitrate_kbps, packet_loss_pct, rtt_ms) "
                + "VALUES ('c', 'GUARDIAN', 'u', ?, NULL, ?, NULL, ?, ?, ?)")) {
            ps.setObject(1, OffsetDateTime.ofInstant(Instant.parse(at), ZoneOffset.UTC));
            ps.setObject(2, height);
            ps.setObject(3, kbps);
            ps.setObject(4, loss);
            ps.setObject(5, rtt);
            ps.executeUpdate();
        }
    }

    @Test
    void callQualityOnAKnownDataSet() throws Exception {
        JdbcDataSource ds = migrated("video-report");
        String g = RoomRole.GUARDIAN.name();
        String p = RoomRole.PHYSICIAN.name();
        try (Connection c = ds.getConnection()) {
            // c1 (March): 600 s + 300 s connected = 15 min; a guardian reconnection; one automatic fallback
            event(c, "c1", null, CallEventKind.CONNECTED, null, null, "2026-03-05T02:00:00Z");
            event(c, "c1", g, CallEventKind.AUDIO_ONLY, "poor-connection", null, "2026-03-05T02:05:00Z");
            event(c, "c1", g, CallEventKind.VIDEO_ON, "retry", null, "2026-03-05T02:07:00Z");
            event(c, "c1", g, CallEventKind.DISCONNECTED, "left", 600, "2026-03-05T02:10:00Z");
            event(c, "c1", g, CallEventKind.RECONNECTED, null, null, "2026-03-05T02:11:00Z");
            event(c, "c1", null, CallEventKind.CONNECTED, null, null, "2026-03-05T02:11:00Z");
            event(c, "c1", null, CallEventKind.DISCONNECTED, "completed", 300, "2026-03-05T02:16:00Z");
            // c2 (March): 20 min; video off by hand (not a fallback)
            event(c, "c2", p, CallEventKind.AUDIO_ONLY, "user", null, "2026-03-20T05:50:00Z");
            event(c, "c2", null, CallEventKind.DISCONNECTED, "completed", 1200, "2026-03-20T06:00:00Z");
            // c3: 16:30 UTC on 31 March is 00:30 on 1 April in Beijing: April. 30 min, 2 reconnections, 1 fallback
            event(c, "c3", p, CallEventKind.RECONNECTED, null, null, "2026-03-31T16:10:00Z");
            event(c, "c3", g, CallEventKind.RECONNECTED, null, null, "2026-03-31T16:12:00Z");
            event(c, "c3", g, CallEventKind.AUDIO_ONLY, "poor-connection", null, "2026-03-31T16:20:00Z");
            event(c, "c3", null, CallEventKind.DISCONNECTED, "referred", 1800, "2026-03-31T16:30:00Z");
            // c5: 23:30 on 30 April in Beijing (15:30 UTC): in the period, April. 40 min
            event(c, "c5", null, CallEventKind.DISCONNECTED, "completed", 2400, "2026-04-30T15:30:00Z");
            // outside: the day before `from`, and 16:30 UTC on `to` (00:30 on 1 May in Beijing)
            event(c, "c4", null, CallEventKind.DISCONNECTED, "completed", 3600, "2026-02-28T10:00:00Z");
            event(c, "c4", g, CallEventKind.AUDIO_ONLY, "poor-connection", null, "2026-04-30T16:30:00Z");
            event(c, "c4", g, CallEventKind.RECONNECTED, null, null, "2026-04-30T16:30:00Z");
            event(c, "c6", null, CallEventKind.DISCONNECTED, "completed", 3600, "2026-04-30T16:30:00Z");

            // quality samples: March (the first at 00:30 on 1 March in Beijing = 16:30 UTC on 28 February)
            sample(c, "2026-02-28T16:30:00Z", 720, 1500.0, 0.5, 40.0);
            sample(c, "2026-03-10T03:00:00Z", 720, 1200.0, 1.0, 60.0);
            sample(c, "2026-03-10T03:00:03Z", 360, 400.0, 3.0, 120.0);
            sample(c, "2026-03-10T03:00:06Z", null, null, null, 38.0);
            // April
            sample(c, "2026-04-02T03:00:00Z", 720, 1800.0, 0.0, 30.0);
            sample(c, "2026-04-02T03:00:03Z", 540, 900.0, 2.0, 80.0);
            // outside: 20:00 on 28 February in Beijing, and 00:30 on 1 May in Beijing
            sample(c, "2026-02-28T12:00:00Z", 100, 10.0, 90.0, 9000.0);
            sample(c, "2026-04-30T16:30:00Z", 100, 10.0, 90.0, 9000.0);
        }

        SectionContent content = new VideoReportSection(new Tx(ds)).compute(PERIOD);

        // connected per consultation: c1 15, c2 20, c3 30, c5 40 min (c4, c6 outside) -> 4 consultations,
        // 105 min, median of 15, 20, 30, 40 = (20 + 30) / 2 = 25
        assertEquals(4L, figure(content, "consultations_connected"), "c1, c2, c3, c5");
        assertEquals(105.0, figure(content, "connected_minutes_total"), "15 + 20 + 30 + 40");
        assertEquals(25.0, figure(content, "connected_minutes_median"), "(20 + 30) / 2");
        // fallbacks (poor-connection): c1, c3 (c4's is outside; c2's is by hand) -> 2; 2 of 4 consultations = 50 %
        assertEquals(2L, figure(content, "audio_only_fallbacks"));
        assertEquals(50.0, figure(content, "audio_only_share"), "2 / 4");
        // reconnections: c1 1 + c3 2 (c4's outside) = 3
        assertEquals(3L, figure(content, "reconnects"));

        Table calls = table(content, "video-calls-by-month");
        // March: c1 + c2, 15 + 20 = 35 min, fallback c1, by hand c2, reconnect c1
        assertEquals(List.of("2026-03", 2L, 35.0, 1L, 1L, 1L), calls.rows().get(0));
        // April: c3 + c5, 30 + 40 = 70 min, fallback c3, reconnects c3 x2
        assertEquals(List.of("2026-04", 2L, 70.0, 1L, 0L, 2L), calls.rows().get(1));

        Table quality = table(content, "video-quality-by-month");
        // March: heights 720, 720, 360 -> 720; kbps 1500, 1200, 400 -> 1200; loss 0.5, 1, 3 -> 1;
        // RTT 38, 40, 60, 120 -> (40 + 60) / 2 = 50; 4 samples
        assertEquals(List.of("2026-03", 4L, 720.0, 1200.0, 1.0, 50.0), quality.rows().get(0));
        // April: (720 + 540) / 2 = 630; (1800 + 900) / 2 = 1350; (0 + 2) / 2 = 1; (30 + 80) / 2 = 55
        assertEquals(List.of("2026-04", 2L, 630.0, 1350.0, 1.0, 55.0), quality.rows().get(1));
        assertEquals(2, quality.rows().size());
    }

    @Test
    void anEmptyPeriodHasZerosAndNoMedians() throws Exception {
        SectionContent content = new VideoReportSection(new Tx(migrated("video-report-empty"))).compute(
                new ReportPeriod(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 31), ZoneId.of("Asia/Shanghai")));
        assertEquals(0L, figure(content, "consultations_connected"));
        assertEquals(null, figure(content, "connected_minutes_median"));
        assertEquals(null, figure(content, "audio_only_share"));
        assertEquals(java.util.Arrays.asList("2026-05", 0L, null, null, null, null), table(content, "video-quality-by-month").rows().get(0));
    }

    static Object figure(SectionContent content, String key) {
        Figure figure = content.figures().stream().filter(f -> f.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no figure " + key));
        return figure.value();
    }

    static Table table(SectionContent content, String id) {
        return content.tables().stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no table " + id));
    }
}
