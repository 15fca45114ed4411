package org.pediconsult.prescription.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
import org.pediconsult.prescription.api.RejectionCategory;

/** The e-prescription section on a known set of versions (the bundle's real Flyway migrations on in-memory H2). */
class PrescriptionReportSectionTest {
    private static final ReportPeriod PERIOD = new ReportPeriod(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 30),
            ZoneId.of("Asia/Shanghai"));

    private static JdbcDataSource h2() {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(db).locations("classpath:db/migration/prescription")
                .table("flyway_history_prescription").load().migrate();
        return db;
    }

    /** One version; times are UTC instants or null. */
    private static void rx(Connection c, String id, String consultation, String specialty, int version, String previous,
                           String state, String signed, String reviewed, String voidedBy, String voided, String validUntil,
                           String dispensed) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO rx_prescription (id, consultation_id, child_id, "
                + "specialty_id, physician, version, previous_id, state, items_json, signed_at, reviewed_at, reviewed_by, "
                + "voided_by, voided_at, valid_until, dispensed_at, created_at, updated_at, row_version) "
                + "VALUES (?, ?, 'child', ?, 'dr.wang', ?, ?, ?, '[]', ?, ?, 'ph.li', ?, ?, ?, ?, ?, ?, 1)")) {
            ps.setString(1, id);
            ps.setString(2, consultation);
            ps.setString(3, specialty);
            ps.setInt(4, version);
            ps.setString(5, previous);
            ps.setString(6, state);
            ps.setObject(7, at(signed));
            ps.setObject(8, at(reviewed));
            ps.setString(9, voidedBy);
            ps.setObject(10, at(voided));
            ps.setObject(11, at(validUntil));
            ps.setObject(12, at(dispensed));
            OffsetDateTime created = at(signed == null ? "2026-03-01T00:00:00Z" : signed);
            ps.setObject(13, created);
            ps.setObject(14, created);
            ps.executeUpdate();
        }
    }

    private static OffsetDateTime at(String instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(Instant.parse(instant), ZoneOffset.UTC);
    }

    @Test
    void prescriptionsOnAKnownDataSet() throws Exception {
        JdbcDataSource db = h2();
        try (Connection c = db.getConnection()) {
            // March, dermatology: p1 signed, approved, dispensed; p2 rejected, corrected by p3 (version 2), approved
            rx(c, "p1", "k1", "dermatology", 1, null, "DISPENSED", "2026-03-02T01:00:00Z", "2026-03-02T02:00:00Z", null, null,
                    "2026-03-02T16:00:00Z", "2026-03-02T05:00:00Z");
            rx(c, "p2", "k2", "dermatology", 1, null, "REJECTED", "2026-03-10T01:00:00Z", "2026-03-10T02:00:00Z", null, null,
                    "2026-03-10T16:00:00Z", null);
            try (PreparedStatement ps = c.prepareStatement("UPDATE rx_prescription SET rejection_category = 'DOSE' WHERE id = 'p2'")) {
                ps.executeUpdate();
            }
            rx(c, "p3", "k2", "dermatology", 2, "p2", "APPROVED", "2026-03-10T03:00:00Z", "2026-03-10T04:00:00Z", null, null,
                    "2026-03-10T16:00:00Z", null);
            // April, growth: p4 signed 00:30 on 1 April in Beijing, rejected, not corrected; p5 voided on referral;
            // p6 approved, then expired at 00:00 on 11 April in Beijing
            rx(c, "p4", "k4", "growth", 1, null, "REJECTED", "2026-03-31T16:30:00Z", "2026-04-01T01:00:00Z", null, null,
                    "2026-04-01T16:00:00Z", null);
            rx(c, "p5", "k5", "growth", 1, null, "VOIDED", "2026-04-05T01:00:00Z", null, "system:consultation.referred",
                    "2026-04-05T02:00:00Z", "2026-04-05T16:00:00Z", null);
            rx(c, "p6", "k6", "growth", 1, null, "EXPIRED", "2026-04-10T01:00:00Z", "2026-04-10T02:00:00Z", null, null,
                    "2026-04-10T16:00:00Z", null);
            // April, dermatology: signed and voided by its physician at 23:30 / 23:40 on 30 April in Beijing (in)
            rx(c, "p7", "k7", "dermatology", 1, null, "VOIDED", "2026-04-30T15:30:00Z", null, "dr.wang",
                    "2026-04-30T15:40:00Z", "2026-04-30T16:00:00Z", null);
            // signed and approved the day before `from`, dispensed on 1 March: only the dispensing counts
            rx(c, "p8", "k8", "dermatology", 1, null, "DISPENSED", "2026-02-28T10:00:00Z", "2026-02-28T11:00:00Z", null, null,
                    "2026-03-01T15:00:00Z", "2026-03-01T01:00:00Z");
            // outside: signed at 16:30 UTC on `to` = 00:30 on 1 May in Beijing; a draft (never signed)
            rx(c, "p9", "k9", "growth", 1, null, "AWAITING_REVIEW", "2026-04-30T16:30:00Z", null, null, null,
                    "2026-05-01T16:00:00Z", null);
            rx(c, "p10", "k10", "dermatology", 1, null, "DRAFT", null, null, null, null, null, null);
        }

        SectionContent content = new PrescriptionReportSection(new Tx(db)).compute(PERIOD);

        // signed p1-p7 = 7; approved p1, p3, p6 = 3 (p8 reviewed in February); rejected p2, p4 = 2; 3 / 5 = 60 %;
        // dispensed p1, p8 = 2
        assertEquals(7L, figure(content, "signed"));
        assertEquals(3L, figure(content, "approved"));
        assertEquals(2L, figure(content, "rejected"));
        assertEquals(60.0, figure(content, "approval_rate"));
        assertEquals(2L, figure(content, "dispensed"));

        // signed, of which corrections, approved, rejected, voided, expired, dispensed
        assertEquals(List.of(
                        List.of("2026-03", 3L, 1L, 2L, 1L, 0L, 0L, 2L),   // p1 p2 p3 / p3 / p1 p3 / p2 / - / - / p1 p8
                        List.of("2026-04", 4L, 0L, 1L, 1L, 2L, 1L, 0L)),  // p4-p7 / - / p6 / p4 / p5 p7 / p6 / -
                table(content, "rx-by-month").rows());
        assertEquals(List.of(
                        List.of(Label.plain("dermatology"), 4L, 1L, 2L, 1L, 1L, 0L, 2L), // p1 p2 p3 p7 / p3 / p1 p3 / p2 / p7 / - / p1 p8
                        List.of(Label.plain("growth"), 3L, 0L, 1L, 1L, 1L, 1L, 0L)),     // p4 p5 p6 / - / p6 / p4 / p5 / p6 / -
                table(content, "rx-by-specialty").rows());
        // corrected p2, not corrected p4, referred p5, cancelled -, physician p7, operations -
        assertEquals(List.of(1L, 1L, 1L, 0L, 1L, 0L),
                table(content, "rx-rejections-voids").rows().stream().map(r -> r.get(1)).toList());
        // p2 rejected for its dose, p4 (reviewed 1 April) before categories were recorded: every category listed, then
        // the uncategorised ones
        List<List<Object>> byCategory = table(content, "rx-rejections-by-category").rows();
        assertEquals(RejectionCategory.values().length + 1, byCategory.size());
        assertEquals(List.of(Label.of("用法、用量不适宜", "Dose or frequency not appropriate"), 1L), byCategory.get(1));
        assertEquals(0L, byCategory.get(0).get(1), "indication");
        assertEquals(1L, byCategory.get(byCategory.size() - 1).get(1), "p4: not categorised");
        assertEquals(2L, byCategory.stream().mapToLong(r -> (Long) r.get(1)).sum(), "every rejection once");
    }

    @Test
    void anEmptyPeriodHasZerosAndNoRate() {
        SectionContent content = new PrescriptionReportSection(new Tx(h2())).compute(PERIOD);
        assertEquals(0L, figure(content, "signed"));
        assertEquals(null, figure(content, "approval_rate"));
        assertEquals(List.of("2026-03", 0L, 0L, 0L, 0L, 0L, 0L, 0L), table(content, "rx-by-month").rows().get(0));
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
