package org.pediconsult.video.internal;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;

import org.pediconsult.platform.api.data.Tx;
import org.pediconsult.video.api.RoomRole;
import org.pediconsult.video.internal.room.CallSample;
import org.pediconsult.video.internal.room.CallStatsSink;

/** Call-quality samples in the video bundle's own table {@code video_call_stats}. */
final class CallStatsStore implements CallStatsSink {
    private final Tx tx;

    CallStatsStore(Tx tx) {
        this.tx = tx;
    }

    @Override
    public void store(String consultationId, RoomRole role, String username, Instant at, CallSample s) {
        tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO video_call_stats (consultation_id, role, "
                    + "username, reported_at, width, height, frame_rate, bitrate_kbps, packet_loss_pct, rtt_ms) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, consultationId);
                ps.setString(2, role.name());
                ps.setString(3, username);
                ps.setTimestamp(4, Timestamp.from(at));
                setInt(ps, 5, s.width());
                setInt(ps, 6, s.height());
                setDouble(ps, 7, s.frameRate());
                setDouble(ps, 8, s.bitrateKbps());
                setDouble(ps, 9, s.packetLossPct());
                setDouble(ps, 10, s.rttMs());
                return ps.executeUpdate();
            }
        });
    }

    private static void setInt(PreparedStatement ps, int i, Integer v) throws java.sql.SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, v);
        }
    }

    private static void setDouble(PreparedStatement ps, int i, Double v) throws java.sql.SQLException {
        if (v == null) {
            ps.setNull(i, Types.DOUBLE);
        } else {
            ps.setDouble(i, v);
        }
    }
}
