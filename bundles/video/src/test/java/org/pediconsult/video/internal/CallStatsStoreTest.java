package org.pediconsult.video.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.pediconsult.platform.api.data.Tx;
import org.pediconsult.video.api.RoomRole;
import org.pediconsult.video.internal.room.CallSample;

class CallStatsStoreTest {
    /** A store on a fresh in-memory H2 database with the bundle's migrations applied. */
    private static CallStatsStore migratedStore(String name) throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (String v : new String[] {"V1__call_stats.sql", "V2__call_stats_retention.sql"}) {
                s.execute(Files.readString(Paths.get("src/main/resources/db/migration/video/" + v)));
            }
        }
        return new CallStatsStore(new Tx(ds));
    }

    @Test
    void samplesAreStoredPerConsultationAndReadNewestFirst() throws Exception {
        CallStatsStore store = migratedStore("video-stats");
        Instant t = Instant.parse("2026-03-01T08:00:00Z");
        store.store("c1", RoomRole.GUARDIAN, "guardian.tang", t, new CallSample(1280, 720, 30.0, 1500.0, 0.5, 40.0));
        store.store("c1", RoomRole.PHYSICIAN, "dr.wang", t.plusSeconds(3), new CallSample(null, null, null, null, null, 38.0));
        store.store("c2", RoomRole.GUARDIAN, "guardian.liu", t, new CallSample(640, 360, 15.0, 400.0, 3.0, 120.0));

        List<CallStatsStore.Row> rows = store.latest("c1", 10);
        assertEquals(2, rows.size());
        assertEquals("PHYSICIAN", rows.get(0).role);
        assertNull(rows.get(0).height);
        assertEquals(38.0, rows.get(0).rttMs);
        assertEquals(720, rows.get(1).height);
        assertEquals(t, rows.get(1).reportedAt);
    }

    @Test
    void retentionDeletesOnlyOlderSamplesInBatches() throws Exception {
        CallStatsStore store = migratedStore("video-stats-retention");
        Instant cut = Instant.parse("2026-03-01T00:00:00Z");
        for (int i = 1; i <= 7; i++) {
            store.store("old", RoomRole.GUARDIAN, "guardian.tang", cut.minusSeconds(i * 3L), new CallSample(1280, 720, 30.0, 1.0, 0.0, 1.0));
        }
        store.store("new", RoomRole.GUARDIAN, "guardian.tang", cut, new CallSample(1280, 720, 30.0, 1.0, 0.0, 1.0));
        store.store("new", RoomRole.PHYSICIAN, "dr.wang", cut.plusSeconds(3), new CallSample(1280, 720, 30.0, 1.0, 0.0, 1.0));

        assertEquals(7, store.prune(cut, 3), "3 + 3 + 1 in three transactions");
        assertEquals(0, store.latest("old", 100).size());
        assertEquals(2, store.latest("new", 100).size(), "the cut-off instant itself is kept");
        assertEquals(0, store.prune(cut, 3));
    }
}
