package org.pediconsult.video.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;

import org.pediconsult.platform.api.data.Tx;
import org.pediconsult.video.api.RoomRole;
import org.pediconsult.video.internal.room.CallEventKind;
import org.pediconsult.video.internal.room.CallSample;
import org.pediconsult.video.internal.room.CallStatsSink;

/** Call-quality samples in the video bundle's own table {@code video_call_stats}. */
public final class CallStatsStore implements CallStatsSink {
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

    @Override
    public void event(String consultationId, RoomRole role, CallEventKind kind, String detail, Integer seconds, Instant at) {
        tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO video_call_event (consultation_id, role, kind, "
                    + "detail, seconds, occurred_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, consultationId);
                ps.setString(2, role == null ? null : role.name());
                ps.setString(3, kind.name());
                ps.setString(4, detail == null || detail.length() <= 32 ? detail : detail.substring(0, 32));
                setInt(ps, 5, seconds);
                ps.setTimestamp(6, Timestamp.from(at));
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Deletes the samples reported before {@code before}, {@code batch} rows per transaction (so a
     * large backlog never holds one long lock); answers how many were deleted.
     */
    int prune(Instant before, int batch) {
        int total = 0;
        while (true) {
            int deleted = tx.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM video_call_stats WHERE id IN (SELECT id FROM "
                        + "video_call_stats WHERE reported_at < ? ORDER BY id FETCH FIRST " + Math.max(1, batch) + " ROWS ONLY)")) {
                    ps.setTimestamp(1, Timestamp.from(before));
                    return ps.executeUpdate();
                }
            });
            total += deleted;
            if (deleted < batch) {
                return total;
            }
        }
    }

    /** One stored sample, as the physician's call-quality view shows it. */
    public static final class Row {
        public String role;
        public Instant reportedAt;
        public Integer width;
        public Integer height;
        public Double frameRate;
        public Double bitrateKbps;
        public Double packetLossPct;
        public Double rttMs;
    }

    /** The latest samples of a consultation, newest first. */
    List<Row> latest(String consultationId, int limit) {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT role, reported_at, width, height, frame_rate, "
                    + "bitrate_kbps, packet_loss_pct, rtt_ms FROM video_call_stats WHERE consultation_id = ? "
                    + "ORDER BY reported_at DESC, id DESC")) {
                ps.setString(1, consultationId);
                ps.setMaxRows(limit);
                List<Row> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Row r = new Row();
                        r.role = rs.getString(1);
                        r.reportedAt = rs.getTimestamp(2).toInstant();
                        r.width = (Integer) rs.getObject(3, Integer.class);
                        r.height = (Integer) rs.getObject(4, Integer.class);
                        r.frameRate = rs.getObject(5, Double.class);
                        r.bitrateKbps = rs.getObject(6, Double.class);
                        r.packetLossPct = rs.getObject(7, Double.class);
                        r.rttMs = rs.getObject(8, Double.class);
                        rows.add(r);
                    }
                }
                return rows;
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
