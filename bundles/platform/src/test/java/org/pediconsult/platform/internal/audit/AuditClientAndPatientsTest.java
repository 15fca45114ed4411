package org.pediconsult.platform.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pediconsult.platform.api.Ids;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.AuditVerification;
import org.pediconsult.platform.internal.MutableClock;

/** Issue 12: the client address and the patients of a list read are chained, and the trail can be searched. */
class AuditClientAndPatientsTest {
    private JdbcDataSource db;
    private HashChainedAuditTrail audit;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));

    @BeforeEach
    void migrate() {
        db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:" + Ids.newId() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(db).locations("classpath:db/migration/platform").table("flyway_history_platform")
                .load().migrate();
        audit = new HashChainedAuditTrail(db, clock, false);
    }

    private void record(AuditEntry e) {
        clock.advance(Duration.ofSeconds(1));
        audit.record(e);
    }

    @Test
    void theRequestsAddressIsRecordedUnlessTheEntryNamesOne() throws Exception {
        RequestOrigin.during("192.0.2.7", () -> record(new AuditEntry("dr.wang", AuditEntry.Action.READ, "child", "c-1", "c-1", null)));
        RequestOrigin.during("192.0.2.7", () -> record(new AuditEntry("hl7:his", AuditEntry.Action.UPDATE, "child", "c-1",
                "c-1", null).withClientAddress("198.51.100.9")));
        record(new AuditEntry("retention", AuditEntry.Action.DELETE, "hl7-message", null, null, "outside a request"));
        List<Map<String, Object>> page = audit.records(new AuditRecords.Query());
        assertEquals(3, page.size());
        assertEquals(null, page.get(0).get("clientAddress"), "no request, no address");
        assertEquals("198.51.100.9", page.get(1).get("clientAddress"));
        assertEquals("192.0.2.7", page.get(2).get("clientAddress"));
        assertEquals(null, RequestOrigin.current(), "the address does not outlive its request");
    }

    @Test
    void aListReadIsFoundThroughEveryPatientItShowed() {
        record(new AuditEntry("dr.wang", AuditEntry.Action.READ, "child-list", null, null, "3 children")
                .withPatients(List.of("c-2", "c-1", "c-3", "c-1")));
        record(new AuditEntry("guardian.tang", AuditEntry.Action.READ, "child", "c-1", "c-1", null));
        record(new AuditEntry("guardian.liu", AuditEntry.Action.READ, "child", "c-9", "c-9", null));
        AuditRecords.Query q = new AuditRecords.Query();
        q.patientId = "c-1";
        List<Map<String, Object>> whoSawC1 = audit.records(q);
        assertEquals(List.of("guardian.tang", "dr.wang"), whoSawC1.stream().map(r -> r.get("actor")).toList());
        assertEquals(List.of("c-1", "c-2", "c-3"), whoSawC1.get(1).get("patients"), "sorted, once each");
        q.patientId = "c-3";
        assertEquals(1, audit.records(q).size());
        assertTrue(audit.verify().intact());
    }

    @Test
    void filtersByActorActionAndTimeAndPages() {
        for (int i = 0; i < 5; i++) {
            record(new AuditEntry("auditor.chen", AuditEntry.Action.VERIFY, "audit-trail", null, null, "n" + i));
            record(new AuditEntry("anonymous", AuditEntry.Action.REFUSED, "api", "GET /api/children", null, "401 unauthenticated"));
        }
        AuditRecords.Query q = new AuditRecords.Query();
        q.action = "REFUSED";
        q.limit = 3;
        List<Map<String, Object>> first = audit.records(q);
        assertEquals(3, first.size());
        assertTrue(first.stream().allMatch(r -> "REFUSED".equals(r.get("action"))));
        q.beforeSeq = (Long) first.get(2).get("seq");
        assertEquals(2, audit.records(q).size(), "the next page holds the rest");
        AuditRecords.Query byActor = new AuditRecords.Query();
        byActor.actor = "auditor.chen";
        byActor.from = Instant.parse("2026-12-01T08:00:04Z");
        byActor.to = Instant.parse("2026-12-01T08:00:08Z");
        // records at +1 s (verify), +2 (refused), +3, ... : auditor.chen's at +1, +3, +5, +7, +9 -> +5 and +7
        assertEquals(List.of("n3", "n2"), audit.records(byActor).stream().map(r -> r.get("detail")).toList());
    }

    @Test
    void alteringTheAddressOrThePatientsBreaksTheChain() throws Exception {
        RequestOrigin.during("192.0.2.7", () -> record(new AuditEntry("dr.wang", AuditEntry.Action.READ, "child-list", null,
                null, null).withPatients(List.of("c-1", "c-2"))));
        record(new AuditEntry("dr.wang", AuditEntry.Action.READ, "child", "c-1", "c-1", null));
        assertTrue(audit.verify().intact());
        sql("UPDATE platform_audit SET patients = 'c-2' WHERE seq = 1");
        AuditVerification v = audit.verify();
        assertFalse(v.intact());
        assertEquals(1L, v.firstBrokenSeq());
        sql("UPDATE platform_audit SET patients = 'c-1,c-2', client_address = '203.0.113.1' WHERE seq = 1");
        assertEquals(1L, audit.verify().firstBrokenSeq());
    }

    @Test
    void recordsWithoutTheNewFieldsKeepTheirFormerHash() {
        Instant t = Instant.parse("2026-11-25T08:00:00Z");
        String before = AuditRecordHash.of(1, t, "dr.wang", "READ", "child", "c-1", "c-1", null, AuditRecordHash.GENESIS);
        assertEquals(before, AuditRecordHash.of(1, t, "dr.wang", "READ", "child", "c-1", "c-1", null, null, null,
                AuditRecordHash.GENESIS), "a record sealed before V3 still verifies");
        assertNotEquals(before, AuditRecordHash.of(1, t, "dr.wang", "READ", "child", "c-1", "c-1", null, "192.0.2.7", null,
                AuditRecordHash.GENESIS));
    }

    private void sql(String statement) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }
}
