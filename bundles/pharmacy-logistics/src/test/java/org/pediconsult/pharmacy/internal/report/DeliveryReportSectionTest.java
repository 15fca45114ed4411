package org.pediconsult.pharmacy.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
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
import org.pediconsult.platform.api.report.ReportPeriod;
import org.pediconsult.platform.api.report.SectionContent;
import org.pediconsult.platform.api.report.SectionContent.Figure;
import org.pediconsult.platform.api.report.SectionContent.Table;

/** The delivery section on a known set of deliveries (the bundle's real Flyway migrations on in-memory H2). */
class DeliveryReportSectionTest {
    private static final ReportPeriod PERIOD = new ReportPeriod(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 30),
            ZoneId.of("Asia/Shanghai"));
    private int seq;

    private static JdbcDataSource h2() {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(db).locations("classpath:db/migration/pharmacy").table("flyway_history_pharmacy")
                .load().migrate();
        return db;
    }

    private static OffsetDateTime at(String instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(Instant.parse(instant), ZoneOffset.UTC);
    }

    private static void delivery(Connection c, String id, String state, String created, String delivered, String refusal)
            throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO pharm_delivery (id, prescription_id, consultation_id, "
                + "child_id, guardian, state, refusal_reason, created_at, delivered_at, updated_at, row_version) "
                + "VALUES (?, ?, 'k', 'child', 'guardian.tang', ?, ?, ?, ?, ?, 1)")) {
            ps.setString(1, id);
            ps.setString(2, "rx-" + id);
            ps.setString(3, state);
            ps.setString(4, refusal);
            ps.setObject(5, at(created));
            ps.setObject(6, at(delivered));
            ps.setObject(7, at(created));
            ps.executeUpdate();
        }
    }

    private void step(Connection c, String delivery, String to, String when) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO pharm_delivery_step (delivery_id, seq, at, to_state, actor) "
                + "VALUES (?, ?, ?, ?, 'courier.zhao')")) {
            ps.setString(1, delivery);
            ps.setInt(2, ++seq);
            ps.setObject(3, at(when));
            ps.setString(4, to);
            ps.executeUpdate();
        }
    }

    private void reading(Connection c, String delivery, String when, double celsius, boolean inRange) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO pharm_reading (delivery_id, reading_id, at, celsius, "
                + "in_range, received_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, delivery);
            ps.setString(2, "r" + (++seq));
            ps.setObject(3, at(when));
            ps.setDouble(4, celsius);
            ps.setBoolean(5, inRange);
            ps.setObject(6, at(when));
            ps.executeUpdate();
        }
    }

    @Test
    void deliveriesOnAKnownDataSet() throws Exception {
        JdbcDataSource db = h2();
        try (Connection c = db.getConnection()) {
            // delivered in March: 10 h, 24 h, 4 h, and d6 (created the day before `from`) 16 h
            delivery(c, "d1", "DELIVERED", "2026-03-02T00:00:00Z", "2026-03-02T10:00:00Z", null);
            delivery(c, "d2", "DELIVERED", "2026-03-05T00:00:00Z", "2026-03-06T00:00:00Z", null);
            delivery(c, "d3", "DELIVERED", "2026-03-10T00:00:00Z", "2026-03-10T04:00:00Z", null);
            delivery(c, "d6", "DELIVERED", "2026-02-28T10:00:00Z", "2026-03-01T02:00:00Z", null);
            // created 17:30 on 31 March, delivered 00:30 on 1 April in Beijing (April): 7 h
            delivery(c, "d4", "DELIVERED", "2026-03-31T09:30:00Z", "2026-03-31T16:30:00Z", null);
            // April: 30 h
            delivery(c, "d5", "DELIVERED", "2026-04-20T00:00:00Z", "2026-04-21T06:00:00Z", null);
            // created 00:30 on 1 May in Beijing: outside
            delivery(c, "d7", "AWAITING_DISPENSING", "2026-04-30T16:30:00Z", null, null);
            // created in April, delivered 00:30 on 1 May in Beijing: created counts, the delivery does not
            delivery(c, "d10", "DELIVERED", "2026-04-30T00:00:00Z", "2026-04-30T16:30:00Z", null);
            // April, cold chain: out of range at 02:00 and 02:10 (one alarm), refused, returned, quarantined
            delivery(c, "d8", "QUARANTINED", "2026-04-01T00:00:00Z", null, "TEMPERATURE_EXCURSION");
            reading(c, "d8", "2026-04-02T01:00:00Z", 5.0, true);
            reading(c, "d8", "2026-04-02T02:00:00Z", 9.5, false);
            reading(c, "d8", "2026-04-02T02:10:00Z", 10.0, false);
            step(c, "d8", "REFUSED", "2026-04-02T03:00:00Z");
            step(c, "d8", "RETURNED", "2026-04-02T06:00:00Z");
            step(c, "d8", "QUARANTINED", "2026-04-03T01:00:00Z");
            // March: declined at the door; returned at 00:30 on 1 May in Beijing (outside)
            delivery(c, "d9", "RETURNED", "2026-03-15T00:00:00Z", null, "DECLINED");
            step(c, "d9", "REFUSED", "2026-03-16T00:00:00Z");
            step(c, "d9", "RETURNED", "2026-04-30T16:30:00Z");
            // its first out-of-range reading 20:00 on 28 February in Beijing: the alarm is outside the period
            delivery(c, "d11", "QUARANTINED", "2026-02-27T00:00:00Z", null, null);
            reading(c, "d11", "2026-02-28T12:00:00Z", 12.0, false);
            reading(c, "d11", "2026-03-01T00:00:00Z", 12.0, false);
        }

        SectionContent content = new DeliveryReportSection(new Tx(db)).compute(PERIOD);

        // delivered d1 d2 d3 d6 d4 d5 = 6; hours sorted 4, 7, 10, 16, 24, 30: median (10 + 16) / 2 = 13;
        // p90 at rank 0.9 * 5 = 4.5: 24 + 0.5 * (30 - 24) = 27
        assertEquals(6L, figure(content, "delivered"));
        assertEquals(13.0, figure(content, "median_hours"));
        assertEquals(27.0, figure(content, "p90_hours"));
        assertEquals(2L, figure(content, "refused"), "d9 (March), d8 (April)");
        assertEquals(1L, figure(content, "cold_chain_alarms"), "d8; d11's first reading is before the period");
        assertEquals(1L, figure(content, "quarantined"));

        // month, created, delivered, median, p90, refused, returned, alarms, quarantined
        // March: created d1 d2 d3 d4 d9 = 5; delivered 4, 10, 16, 24 -> median 13, p90 rank 2.7: 16 + 0.7 * 8 = 21.6
        // April: created d5 d8 d10 = 3; delivered 7, 30 -> median 18.5, p90 rank 0.9: 7 + 0.9 * 23 = 27.7
        assertEquals(List.of(List.of("2026-03", 5L, 4L, 13.0, 21.6, 1L, 0L, 0L, 0L),
                        List.of("2026-04", 3L, 2L, 18.5, 27.7, 1L, 1L, 1L, 1L)),
                table(content, "delivery-by-month").rows());
        // SEAL_BROKEN, TEMPERATURE_EXCURSION, WRONG_PERSON, DECLINED
        assertEquals(List.of(0L, 1L, 0L, 1L), table(content, "delivery-refusals").rows().stream().map(r -> r.get(1)).toList());
    }

    @Test
    void anEmptyPeriodHasZerosAndNoTimes() {
        SectionContent content = new DeliveryReportSection(new Tx(h2())).compute(PERIOD);
        assertEquals(0L, figure(content, "delivered"));
        assertEquals(null, figure(content, "median_hours"));
        assertEquals(Arrays.asList("2026-03", 0L, 0L, null, null, 0L, 0L, 0L, 0L),
                table(content, "delivery-by-month").rows().get(0));
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
