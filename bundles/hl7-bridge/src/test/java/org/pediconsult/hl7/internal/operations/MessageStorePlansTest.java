package org.pediconsult.hl7.internal.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pediconsult.hl7.internal.common.Hl7Fixtures;
import org.pediconsult.hl7.internal.inbound.MessageStore;

/**
 * Which index H2 reads for the store's frequent queries, on the bridge's real migrations with 20,000 messages:
 * hl7_message has few indexes (each costs every stored message a write, V8), so the ones left must serve these.
 */
class MessageStorePlansTest {
    private static JdbcDataSource db;

    @BeforeAll
    static void store() throws SQLException {
        db = Hl7Fixtures.h2();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO hl7_message (direction, channel, sender, control_id, message_type, hl7_version, "
                    + "received_at, raw, outcome, patient) SELECT CASEWHEN(MOD(X, 10) = 0, 'OUT', 'IN'), "
                    + "CASEWHEN(MOD(X, 3) = 0, 'lab', 'his'), 'HIS^H1', 'C' || X, 'ADT^A04', '2.5.1', "
                    + "TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+08' + X * INTERVAL '1' MINUTE, 'MSH|^~\\&|唐', "
                    + "CASEWHEN(MOD(X, 97) = 0, 'ERROR', CASEWHEN(X > 19000, 'RECEIVED', 'PROCESSED')), 'child-' || X "
                    + "FROM SYSTEM_RANGE(1, 20000)");
            s.execute("ANALYZE");
        }
    }

    private static String plan(String sql, List<Object> params) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1).replaceAll("\\s+", " ");
            }
        }
    }

    /** The plan of the operations search for {@code f}. */
    private static String plan(MessageQueries.Filter f) throws SQLException {
        MessageQueries.Query q = MessageQueries.query(f);
        return plan(q.sql(), q.params());
    }

    @Test
    void theProcessorsNextBatchIsReadFromTheBacklogIndexInOrder() throws SQLException {
        String plan = plan(MessageStore.receivedSql(64), List.of("his", 19_500L));
        assertTrue(plan.contains("IX_HL7_MESSAGE_BACKLOG: ID > ") && plan.contains("OUTCOME = 'RECEIVED' AND CHANNEL = "),
                "a range of the backlog index: " + plan);
        assertTrue(plan.contains("/* index sorted */"), "no sort of the channel's RECEIVED rows per batch: " + plan);
    }

    @Test
    void aControlIdIsFoundWithOrWithoutItsChannel() throws SQLException {
        MessageQueries.Filter f = new MessageQueries.Filter();
        f.controlId = "C778";
        assertTrue(plan(f).contains("IX_HL7_MESSAGE_CONTROL: CONTROL_ID = "));
        f.channel = "his";
        f.direction = "IN";
        String plan = plan(f);
        assertTrue(plan.contains("IX_HL7_MESSAGE_CONTROL: CONTROL_ID = "), plan);
        List<java.util.Map<String, Object>> found = new MessageQueries(db).search(f);
        assertEquals(1, found.size());
        assertEquals("C778", found.get(0).get("controlId"));
    }

    @Test
    void anOutcomeAndAPatientAreFoundThroughAnIndex() throws SQLException {
        MessageQueries.Filter f = new MessageQueries.Filter();
        f.outcome = "ERROR";
        assertTrue(plan(f).contains("IX_HL7_MESSAGE_BACKLOG: OUTCOME = "));
        f = new MessageQueries.Filter();
        f.patient = "child-4242";
        assertTrue(plan(f).contains("IX_HL7_MESSAGE_PATIENT: PATIENT = "));
    }
}
