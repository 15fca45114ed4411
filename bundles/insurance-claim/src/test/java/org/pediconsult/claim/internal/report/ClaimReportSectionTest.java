package org.pediconsult.claim.internal.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
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

/** The claims section on a known set of claim versions (the bundle's real Flyway migrations on in-memory H2). */
class ClaimReportSectionTest {
    private static final ReportPeriod PERIOD = new ReportPeriod(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 30),
            ZoneId.of("Asia/Shanghai"));

    private static JdbcDataSource h2() {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(db).locations("classpath:db/migration/claim").table("flyway_history_claim").load().migrate();
        return db;
    }

    private static void claim(Connection c, String consultation, int version, String state, String payer, String claimed,
                              String paid, String created, String reasons, String insurerReasons) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO claim_claim (id, consultation_id, child_id, specialty_id, "
                + "institution, payer, version, previous_id, state, reasons_json, lines_json, claimed, self_pay, paid, "
                + "insurer_reasons_json, created_at, updated_at, row_version) VALUES (?, ?, 'child', 'dermatology', 'BCH', ?, ?, "
                + "?, ?, ?, '[]', ?, 0, ?, ?, ?, ?, 1)")) {
            OffsetDateTime at = OffsetDateTime.ofInstant(Instant.parse(created), ZoneOffset.UTC);
            ps.setString(1, consultation + "-v" + version);
            ps.setString(2, consultation);
            ps.setString(3, payer);
            ps.setInt(4, version);
            ps.setString(5, version == 1 ? null : consultation + "-v" + (version - 1));
            ps.setString(6, state);
            ps.setString(7, reasons);
            ps.setBigDecimal(8, new BigDecimal(claimed));
            ps.setBigDecimal(9, paid == null ? null : new BigDecimal(paid));
            ps.setString(10, insurerReasons);
            ps.setObject(11, at);
            ps.setObject(12, at);
            ps.executeUpdate();
        }
    }

    @Test
    void claimsOnAKnownDataSet() throws Exception {
        JdbcDataSource db = h2();
        String duplicate = "[\"E12 duplicate claim\"]";
        try (Connection c = db.getConnection()) {
            // March claims: k1 adjudicated (then a -20 credit in April), k2 rejected then accepted as version 2 in April,
            // k3 ineligible for two rules, no payer
            claim(c, "k1", 1, "ADJUDICATED", "nhsa-bj", "100.00", "80.00", "2026-03-02T02:00:00Z", "[]", null);
            claim(c, "k1", 2, "ADJUDICATED", "nhsa-bj", "-20.00", "-20.00", "2026-04-10T02:00:00Z", "[]", null);
            claim(c, "k2", 1, "REJECTED", "nhsa-bj", "100.00", null, "2026-03-05T02:00:00Z", "[]", duplicate);
            claim(c, "k2", 2, "ACCEPTED", "nhsa-bj", "100.00", null, "2026-04-02T02:00:00Z", "[]", null);
            claim(c, "k3", 1, "INELIGIBLE", null, "0.00", null, "2026-03-10T02:00:00Z",
                    "[\"the physician is not on the pilot white-list\",\"the guardian's presence was not attested\"]", null);
            // April claims (k4 at 00:30 on 1 April in Beijing; k7 at 23:30 on 30 April)
            claim(c, "k4", 1, "INELIGIBLE", "nhsa-js", "0.00", null, "2026-03-31T16:30:00Z",
                    "[\"insured in pooling region 320500, not the home region (110000) and cross-region settlement is not "
                            + "configured: self-pay now, marked for later reimbursement\"]", null);
            claim(c, "k5", 1, "REJECTED", "nhsa-js", "60.00", null, "2026-04-05T02:00:00Z", "[]", duplicate);
            claim(c, "k6", 1, "REJECTED", "nhsa-js", "50.00", null, "2026-04-06T02:00:00Z", "[]", "[\"a text given once\"]");
            claim(c, "k7", 1, "QUALIFIED", "nhsa-bj", "100.00", null, "2026-04-30T15:30:00Z", "[]", null);
            claim(c, "k8", 1, "SUBMITTED", "nhsa-bj", "100.00", null, "2026-04-12T02:00:00Z", "[]", null);
            // k9's first version the day before `from` (not a claim of the period), its -10 credit in March (an amount of it)
            claim(c, "k9", 1, "ADJUDICATED", "nhsa-bj", "100.00", "100.00", "2026-02-28T10:00:00Z", "[]", null);
            claim(c, "k9", 2, "ADJUDICATED", "nhsa-bj", "-10.00", "-10.00", "2026-03-03T02:00:00Z", "[]", null);
            // outside: 16:30 UTC on `to` = 00:30 on 1 May in Beijing
            claim(c, "k10", 1, "SUBMITTED", "nhsa-bj", "100.00", null, "2026-04-30T16:30:00Z", "[]", null);
        }

        SectionContent content = new ClaimReportSection(new Tx(db)).compute(PERIOD);

        // claims k1-k8 = 8 (k9, k10 first created outside); latest states: ineligible k3 k4, rejected k5 k6
        assertEquals(8L, figure(content, "claims"));
        assertEquals(2L, figure(content, "ineligible"));
        assertEquals(2L, figure(content, "rejected"));
        // amounts: March k1v1 100/80 + k9v2 -10/-10 = 90/70; April k2v2 100 + k5 60 + k6 50 + k1v2 -20/-20 + k8 100
        // = 290/-20 (k2v1 resubmitted, k3 k4 ineligible, k7 not submitted: not counted) -> 380.00 / 50.00
        assertEquals(new BigDecimal("380.00"), figure(content, "claimed_yuan"));
        assertEquals(new BigDecimal("50.00"), figure(content, "paid_yuan"));

        // month, claims, qualified, ineligible, submitted, accepted, rejected, adjudicated, claimed, paid
        assertEquals(List.of(
                        List.of("2026-03", 3L, 0L, 1L, 0L, 1L, 0L, 1L, new BigDecimal("90.00"), new BigDecimal("70.00")),
                        List.of("2026-04", 5L, 1L, 1L, 1L, 0L, 2L, 0L, new BigDecimal("290.00"), new BigDecimal("-20.00"))),
                table(content, "claims-by-month").rows());
        // payer, claims, accepted or adjudicated, rejected, claimed, paid
        // bj: k1 k2 k7 k8; accepted k1 k2; 100 - 10 + 100 - 20 + 100 = 270; 80 - 10 - 20 = 50
        // js: k4 k5 k6; rejected k5 k6; 60 + 50 = 110; nothing paid
        assertEquals(List.of(
                        List.of(Label.of("付款方未定", "Payer not known"), 1L, 0L, 0L, new BigDecimal("0.00"), new BigDecimal("0.00")),
                        List.of("nhsa-bj", 4L, 2L, 0L, new BigDecimal("270.00"), new BigDecimal("50.00")),
                        List.of("nhsa-js", 3L, 0L, 2L, new BigDecimal("110.00"), new BigDecimal("0.00"))),
                table(content, "claims-by-payer").rows());

        Table reasons = table(content, "claims-reasons");
        // the nine rules in order: only white-listed-physician (k3), guardian-presence (k3), pooling-region (k4)
        assertEquals(List.of(0L, 0L, 0L, 0L, 1L, 0L, 1L, 0L, 1L),
                reasons.rows().subList(0, 9).stream().map(r -> r.get(2)).toList());
        // insurer: "E12 duplicate claim" by k2v1 and k5 (2); k6's text given once: other
        assertEquals(List.of(Label.plain("E12 duplicate claim"), 2L), reasons.rows().get(9).subList(1, 3));
        assertEquals(1L, reasons.rows().get(10).get(2));
        assertEquals(11, reasons.rows().size());
    }

    @Test
    void anEmptyPeriodHasZeros() {
        SectionContent content = new ClaimReportSection(new Tx(h2())).compute(PERIOD);
        assertEquals(0L, figure(content, "claims"));
        assertEquals(new BigDecimal("0.00"), figure(content, "claimed_yuan"));
        assertEquals(0, table(content, "claims-by-payer").rows().size());
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
