package org.pediconsult.platform.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pediconsult.platform.api.Ids;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.AuditVerification;
import org.pediconsult.platform.internal.MutableClock;

class HashChainedAuditTrailTest {
    private JdbcDataSource db;
    private HashChainedAuditTrail audit;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T08:00:00.123456Z"));

    @BeforeEach
    void migrate() {
        db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:" + Ids.newId() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(db).locations("classpath:db/migration/platform").table("flyway_history_platform")
                .load().migrate();
        audit = new HashChainedAuditTrail(db, clock, false);
    }

    private long record(String detail) {
        clock.advance(Duration.ofMillis(7));
        return audit.record(new AuditEntry("dr.wang", AuditEntry.Action.READ, "child", "c-1", "c-1", detail));
    }

    private void sql(String statement) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    @Test
    void emptyChainIsIntact() {
        AuditVerification v = audit.verify();
        assertTrue(v.intact());
        assertEquals(0, v.recordsChecked());
    }

    @Test
    void appendsAreSealedInOrderAndVerify() throws Exception {
        record("a");
        record("身高 102 cm");
        record(null);
        assertEquals(3, count("platform_audit_pending"), "appends wait in the queue until sealed");
        AuditVerification v = audit.verify();
        assertTrue(v.intact(), v.toString());
        assertEquals(3, v.recordsChecked());
        assertEquals(0, count("platform_audit_pending"));
        assertEquals(3, count("platform_audit"));
        record("d");
        assertEquals(4, audit.verify().recordsChecked(), "the chain continues from its head");
    }

    @Test
    void rolledBackWriteLeavesNoRecord() throws Exception {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            audit.record(c, new AuditEntry("dr.wang", AuditEntry.Action.UPDATE, "child", "c-1", "c-1", "x"));
            c.rollback();
        }
        assertEquals(0, audit.verify().recordsChecked());
    }

    private long count(String table) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void alteredContentIsFoundAtItsRecord() throws Exception {
        record("a");
        record("b");
        record("c");
        audit.verify();
        sql("UPDATE platform_audit SET actor = 'someone.else' WHERE seq = 2");
        AuditVerification v = audit.verify();
        assertFalse(v.intact());
        assertEquals(2L, v.firstBrokenSeq());
        assertEquals(1, v.recordsChecked());
    }

    @Test
    void recomputedHashStillBreaksTheNextLink() throws Exception {
        record("a");
        record("b");
        audit.verify();
        sql("UPDATE platform_audit SET detail = 'x', hash = '" + "f".repeat(64) + "' WHERE seq = 1");
        AuditVerification v = audit.verify();
        assertEquals(1L, v.firstBrokenSeq(), "record 1 no longer matches its hash");
    }

    @Test
    void removedMiddleRecordIsFound() throws Exception {
        record("a");
        record("b");
        record("c");
        audit.verify();
        sql("DELETE FROM platform_audit WHERE seq = 2");
        AuditVerification v = audit.verify();
        assertEquals(2L, v.firstBrokenSeq());
        assertTrue(v.reason().contains("missing"));
    }

    @Test
    void removedLastRecordIsFoundThroughTheHead() throws Exception {
        record("a");
        record("b");
        audit.verify();
        sql("DELETE FROM platform_audit WHERE seq = 2");
        AuditVerification v = audit.verify();
        assertFalse(v.intact());
        assertEquals(2L, v.firstBrokenSeq());
    }

    @Test
    void hashCoversFieldBoundaries() {
        Instant t = Instant.EPOCH;
        String a = AuditRecordHash.of(1, t, "ab", "READ", "c", null, null, null, AuditRecordHash.GENESIS);
        String b = AuditRecordHash.of(1, t, "a", "READ", "bc", null, null, null, AuditRecordHash.GENESIS);
        String c = AuditRecordHash.of(1, t, "ab", "READ", "c", "", null, null, AuditRecordHash.GENESIS);
        assertFalse(a.equals(b));
        assertFalse(a.equals(c), "null and empty differ");
    }
}
