package org.pediconsult.consultation.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pediconsult.consultation.api.dto.SlotDTO;

/**
 * The free-slot list of a physician on the bundle's real migrations, with 20 physicians of 1,000 slots each, two in
 * three booked: V13 dropped ix_consult_slot_free, rewritten by every booking, because uq_consult_slot_time serves the
 * list better (a range of start times, read in order, instead of every free slot of the physician sorted).
 */
class SlotPlansTest {
    private static final Instant FROM = Instant.parse("2026-06-01T00:00:00Z");
    private static JdbcDataSource db;

    @BeforeAll
    static void slots() throws SQLException {
        db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(db).locations("classpath:db/migration/consultation")
                .table("flyway_history_consultation").load().migrate();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO consult_physician (id, username, family_name, given_name, licence_number, practice_since, "
                    + "institution, whitelisted, created_at) SELECT 'p' || X, 'dr' || X, '王', '医生', 'L' || X, DATE '2015-01-01', "
                    + "'儿童医院', TRUE, CURRENT_TIMESTAMP FROM SYSTEM_RANGE(1, 20)");
            // slot X: physician 1 + X mod 20, every 20 minutes of 2026 from Jan 1; booked unless X mod 3 = 0
            s.execute("INSERT INTO consult_slot (id, physician_id, starts_at, minutes, consultation_id) SELECT 's' || X, "
                    + "'p' || (1 + MOD(X, 20)), TIMESTAMP WITH TIME ZONE '2026-01-01 00:00:00+00' + X * INTERVAL '20' MINUTE, 20, "
                    + "CASEWHEN(MOD(X, 3) = 0, NULL, 'k' || X) FROM SYSTEM_RANGE(1, 20000)");
            s.execute("ANALYZE");
        }
    }

    @Test
    void theFreeSlotListIsARangeOfTheUniqueTimeIndexInOrder() throws SQLException {
        for (boolean freeOnly : new boolean[] {true, false}) {
            String plan = plan(PhysicianStore.slotsSql(freeOnly));
            int index = plan.indexOf("UQ_CONSULT_SLOT_TIME_INDEX_");
            String range = index < 0 ? "" : plan.substring(index, plan.indexOf("*/", index));
            assertTrue(range.contains("PHYSICIAN_ID = ") && range.contains("STARTS_AT >= "),
                    "a range of (physician_id, starts_at): " + plan);
            assertTrue(plan.contains("/* index sorted */"), "read in time order, no sort: " + plan);
        }
    }

    @Test
    void theListHoldsTheFreeSlotsFromThatTimeInOrder() throws SQLException {
        try (Connection c = db.getConnection()) {
            List<SlotDTO> free = new PhysicianStore().slots(c, "p8", FROM, true);
            List<SlotDTO> all = new PhysicianStore().slots(c, "p8", FROM, false);
            assertFalse(free.isEmpty());
            assertEquals(all.stream().filter(s -> s.free).toList().size(), free.size());
            Instant previous = FROM.minusSeconds(1);
            for (SlotDTO s : free) {
                assertTrue(s.free && "p8".equals(s.physicianId) && s.startsAt.isAfter(previous), s.id + " at " + s.startsAt);
                previous = s.startsAt;
            }
        }
    }

    private static String plan(String sql) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
            ps.setString(1, "p8");
            ps.setTimestamp(2, Timestamp.from(FROM));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1).replaceAll("\\s+", " ");
            }
        }
    }
}
