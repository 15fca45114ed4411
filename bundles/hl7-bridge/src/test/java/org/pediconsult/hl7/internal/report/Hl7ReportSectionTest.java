package org.pediconsult.hl7.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.pediconsult.platform.api.data.Tx;
import org.pediconsult.platform.api.report.Label;
import org.pediconsult.platform.api.report.ReportPeriod;
import org.pediconsult.platform.api.report.SectionContent;
import org.pediconsult.platform.api.report.SectionContent.Figure;
import org.pediconsult.platform.api.report.SectionContent.Table;

/** The HL7 section on a known message store (the bridge's real Flyway migrations on in-memory H2). */
class Hl7ReportSectionTest {
    private static final ReportPeriod PERIOD = new ReportPeriod(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 30),
            ZoneId.of("Asia/Shanghai"));
    private static final String AA = "MSH|^~\\&|PEDICONSULT\rMSA|AA|1";
    private static final String AE = "MSH|^~\\&|PEDICONSULT\rMSA|AE|1";
    private static final String AR = "MSH|^~\\&|PEDICONSULT\rMSA|AR|1";
    private int seq;

    private static JdbcDataSource h2() {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(db).locations("classpath:db/migration/hl7").table("flyway_history_hl7").load().migrate();
        return db;
    }

    private long message(Connection c, String direction, String type, String outcome, String ack, String at) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO hl7_message (direction, channel, sender, control_id, "
                + "message_type, hl7_version, received_at, raw, outcome, ack, patient) VALUES (?, 'his', 'HIS', ?, ?, '2.5.1', "
                + "?, '', ?, ?, 'child-1')", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, direction);
            ps.setString(2, "ctl" + (++seq));
            ps.setString(3, type);
            ps.setObject(4, OffsetDateTime.ofInstant(Instant.parse(at), ZoneOffset.UTC));
            ps.setString(5, outcome);
            ps.setString(6, ack);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private void outbound(Connection c, String type, String outcome, String state, int attempts, String at) throws Exception {
        long id = message(c, "OUT", type, outcome, null, at);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO hl7_outbound (message_id, channel, event_id, event_type, "
                + "seq, patient_key, occurred_at, state, attempts, next_attempt_at) VALUES (?, 'his-out', ?, 'x', 0, 'p', ?, ?, ?, ?)")) {
            OffsetDateTime t = OffsetDateTime.ofInstant(Instant.parse(at), ZoneOffset.UTC);
            ps.setLong(1, id);
            ps.setString(2, "e" + id);
            ps.setObject(3, t);
            ps.setString(4, state);
            ps.setInt(5, attempts);
            ps.setObject(6, t);
            ps.executeUpdate();
        }
    }

    @Test
    void messageVolumesAndFailuresOnAKnownStore() throws Exception {
        JdbcDataSource db = h2();
        try (Connection c = db.getConnection()) {
            // inbound, March
            message(c, "IN", "ADT^A04", "PROCESSED", AA, "2026-03-02T01:00:00Z");  // 1 accepted
            message(c, "IN", "ADT^A04", "PROCESSED", AA, "2026-03-15T01:00:00Z");  // 2 accepted
            message(c, "IN", "ADT^A04", "DUPLICATE", AA, "2026-03-15T01:00:05Z");  // 3 duplicate
            message(c, "IN", "ADT^A04", "ERROR", AE, "2026-03-20T01:00:00Z");      // 4 refused (AE)
            // inbound, April (16:30 UTC on 31 March = 00:30 on 1 April in Beijing)
            message(c, "IN", "ADT^A08", "ERROR", AA, "2026-03-31T16:30:00Z");      // 5 review (ACKed, failed)
            message(c, "IN", "ORU^R01", "ACCEPTED", AA, "2026-04-03T01:00:00Z");   // 6 accepted
            message(c, "IN", "ORU^R01", "REJECTED", AR, "2026-04-04T01:00:00Z");   // 7 refused (AR)
            message(c, "IN", "ORU^R01", "RECEIVED", AA, "2026-04-30T15:30:00Z");   // 8 review (23:30 Beijing, in)
            message(c, "IN", null, "ERROR", AR, "2026-04-05T01:00:00Z");           // 9 refused, unreadable type
            // outside: the day before `from`; 16:30 UTC on `to` = 00:30 on 1 May in Beijing
            message(c, "IN", "ADT^A04", "PROCESSED", AA, "2026-02-28T10:00:00Z");
            message(c, "IN", "ADT^A04", "ERROR", AE, "2026-04-30T16:30:00Z");
            // outbound
            outbound(c, "SIU^S12", "SENT", "SENT", 1, "2026-03-03T01:00:00Z");     // 10 March, sent
            outbound(c, "REF^I12", "PARKED", "PARKED", 0, "2026-03-04T01:00:00Z"); // 13 March, parked
            outbound(c, "SIU^S12", "QUEUED", "PENDING", 2, "2026-04-06T01:00:00Z"); // 11 April, failing
            outbound(c, "SIU^S12", "QUEUED", "PENDING", 0, "2026-04-07T01:00:00Z"); // 12 April, waiting
            outbound(c, "REF^I12", "PARKED", "PARKED", 3, "2026-04-30T16:30:00Z"); // outside
        }

        SectionContent content = new Hl7ReportSection(new Tx(db)).compute(PERIOD);

        // inbound 1-9 = 9; accepted 1, 2, 6 = 3 of 9 - 1 duplicate = 8 -> 37.5 %; refused 4, 7, 9 = 3
        assertEquals(9L, figure(content, "inbound"));
        assertEquals(37.5, figure(content, "inbound_accepted_pct"), "3 / 8");
        assertEquals(3L, figure(content, "inbound_rejected"));
        // outbound 10-13 = 4, parked 13 = 1
        assertEquals(4L, figure(content, "outbound"));
        assertEquals(1L, figure(content, "outbound_parked"));

        // type, received, accepted, refused, review, duplicates
        assertEquals(List.of(
                        Arrays.asList(Label.of("（无法识别）", "(unreadable)"), 1L, 0L, 1L, 0L, 0L),
                        List.of("ADT^A04", 4L, 2L, 1L, 0L, 1L),
                        List.of("ADT^A08", 1L, 0L, 0L, 1L, 0L),
                        List.of("ORU^R01", 3L, 1L, 1L, 1L, 0L)),
                table(content, "hl7-inbound-by-type").rows());
        // type, created, sent, failing, waiting, parked
        assertEquals(List.of(List.of("REF^I12", 1L, 0L, 0L, 0L, 1L), List.of("SIU^S12", 3L, 1L, 1L, 1L, 0L)),
                table(content, "hl7-outbound-by-type").rows());
        // month, inbound, refused, review, outbound, parked: March 1-4 / 4 / -- / 10, 13 / 13; April 5-9 / 7, 9 / 5, 8 / 11, 12
        assertEquals(List.of(List.of("2026-03", 4L, 1L, 0L, 2L, 1L), List.of("2026-04", 5L, 2L, 2L, 2L, 0L)),
                table(content, "hl7-by-month").rows());
    }

    @Test
    void anEmptyStoreHasZerosAndNoRate() {
        SectionContent content = new Hl7ReportSection(new Tx(h2())).compute(PERIOD);
        assertEquals(0L, figure(content, "inbound"));
        assertEquals(null, figure(content, "inbound_accepted_pct"));
        assertEquals(2, table(content, "hl7-by-month").rows().size(), "every month of the period, also empty");
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
