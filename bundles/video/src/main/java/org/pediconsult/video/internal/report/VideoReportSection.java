package org.pediconsult.video.internal.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.platform.api.data.SchemaMigrations;
import org.pediconsult.platform.api.data.Tx;
import org.pediconsult.platform.api.report.Label;
import org.pediconsult.platform.api.report.MonthBuckets;
import org.pediconsult.platform.api.report.ReportPeriod;
import org.pediconsult.platform.api.report.ReportSection;
import org.pediconsult.platform.api.report.SectionContent;
import org.pediconsult.platform.api.report.SectionContent.ChartType;
import org.pediconsult.platform.api.report.SectionContent.Table;
import org.pediconsult.platform.api.report.SectionContent.Unit;

/**
 * Call quality for the pilot report: connected time, audio-only fallbacks and reconnections from
 * {@code video_call_event} (written by the signaling hub), and the clients' quality samples from
 * {@code video_call_stats}, per month in the pilot's zone. Counts and medians only.
 */
@Component(service = ReportSection.class)
public class VideoReportSection implements ReportSection {
    static final String POOR_CONNECTION = "poor-connection";
    private final Tx tx;

    @Activate
    public VideoReportSection(@Reference(target = "(dataSourceName=pediconsult)") DataSource dataSource,
                              @Reference SchemaMigrations migrations, BundleContext context) {
        migrations.migrate(context.getBundle(), "video");
        this.tx = new Tx(dataSource);
    }

    VideoReportSection(Tx tx) {
        this.tx = tx;
    }

    @Override
    public String id() {
        return "video";
    }

    @Override
    public Label title() {
        return Label.of("视频通话质量", "Call quality");
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public SectionContent compute(ReportPeriod period) {
        return tx.read(c -> compute(c, period));
    }

    private SectionContent compute(Connection c, ReportPeriod period) throws SQLException {
        MonthBuckets months = new MonthBuckets(period);
        int n = months.size();

        // connected time per consultation (the stretches that ended in the period), then its total and median
        long connectedConsultations;
        double totalSeconds;
        Double medianSeconds;
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), SUM(s), PERCENTILE_CONT(0.5) WITHIN GROUP "
                + "(ORDER BY s) FROM (SELECT consultation_id, SUM(seconds) AS s FROM video_call_event "
                + "WHERE kind = 'DISCONNECTED' AND occurred_at >= ? AND occurred_at < ? GROUP BY consultation_id) t")) {
            months.bindPeriod(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                connectedConsultations = rs.getLong(1);
                totalSeconds = rs.getDouble(2);
                medianSeconds = number(rs, 3);
            }
        }

        // consultations with at least one automatic audio-only fallback
        long fallbackConsultations;
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(DISTINCT consultation_id) FROM video_call_event "
                + "WHERE kind = 'AUDIO_ONLY' AND detail = ? AND occurred_at >= ? AND occurred_at < ?")) {
            ps.setString(1, POOR_CONNECTION);
            months.bindPeriod(ps, 2);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                fallbackConsultations = rs.getLong(1);
            }
        }

        // per month: connected consultations and seconds, fallbacks (automatic / by hand), reconnections
        long[] consultations = new long[n];
        long[] seconds = new long[n];
        long[] fallbacks = new long[n];
        long[] byHand = new long[n];
        long[] reconnects = new long[n];
        try (PreparedStatement ps = c.prepareStatement("SELECT m, kind, d, COUNT(*), COUNT(DISTINCT consultation_id), "
                + "SUM(seconds) FROM (SELECT " + months.caseOf("occurred_at") + " AS m, kind, CASE WHEN kind = "
                + "'AUDIO_ONLY' THEN detail END AS d, consultation_id, seconds FROM video_call_event "
                + "WHERE occurred_at >= ? AND occurred_at < ? AND kind IN ('DISCONNECTED', 'RECONNECTED', 'AUDIO_ONLY')) t "
                + "GROUP BY m, kind, d")) {
            months.bindPeriod(ps, months.bind(ps, 1));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int m = rs.getInt(1);
                    String kind = rs.getString(2);
                    String detail = rs.getString(3);
                    long count = rs.getLong(4);
                    switch (kind) {
                        case "DISCONNECTED" -> {
                            consultations[m] = rs.getLong(5);
                            seconds[m] = rs.getLong(6);
                        }
                        case "RECONNECTED" -> reconnects[m] += count;
                        default -> {
                            if (POOR_CONNECTION.equals(detail)) {
                                fallbacks[m] += count;
                            } else if ("user".equals(detail)) {
                                byHand[m] += count;
                            }
                        }
                    }
                }
            }
        }

        Table.Builder calls = Table.builder("video-calls-by-month", Label.of("每月通话", "Calls per month"))
                .column("month", Label.of("月份", "Month"), Unit.TEXT)
                .column("consultations", Label.of("已接通的问诊", "Consultations connected"), Unit.COUNT)
                .column("connected_minutes", Label.of("接通时长（分钟）", "Connected time (minutes)"), Unit.MINUTES)
                .column("audio_only_fallbacks", Label.of("自动切换为纯语音", "Automatic audio-only fallbacks"), Unit.COUNT)
                .column("audio_only_by_hand", Label.of("手动关闭视频", "Video turned off by hand"), Unit.COUNT)
                .column("reconnects", Label.of("重新连接", "Reconnections"), Unit.COUNT);
        long fallbackTotal = 0;
        long reconnectTotal = 0;
        for (int m = 0; m < n; m++) {
            calls.row(months.label(m), consultations[m], round1(seconds[m] / 60.0), fallbacks[m], byHand[m], reconnects[m]);
            fallbackTotal += fallbacks[m];
            reconnectTotal += reconnects[m];
        }

        // the clients' quality samples: medians per month (what each side sends, every ~3 s)
        Table.Builder quality = Table.builder("video-quality-by-month",
                        Label.of("每月通话质量（中位数）", "Call quality per month (medians)"))
                .column("month", Label.of("月份", "Month"), Unit.TEXT)
                .column("samples", Label.of("质量采样数", "Quality samples"), Unit.COUNT)
                .column("height", Label.of("分辨率（画面高度，像素）", "Resolution (frame height, pixels)"), Unit.NUMBER)
                .column("bitrate_kbps", Label.of("码率（kbps）", "Bitrate (kbps)"), Unit.NUMBER)
                .column("packet_loss_pct", Label.of("丢包率", "Packet loss"), Unit.PERCENT)
                .column("rtt_ms", Label.of("往返时延", "Round-trip time"), Unit.MS);
        Object[][] q = new Object[n][];
        try (PreparedStatement ps = c.prepareStatement("SELECT m, COUNT(*), "
                + "PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY height), "
                + "PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY bitrate_kbps), "
                + "PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY packet_loss_pct), "
                + "PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY rtt_ms) FROM (SELECT "
                + months.caseOf("reported_at") + " AS m, height, bitrate_kbps, packet_loss_pct, rtt_ms "
                + "FROM video_call_stats WHERE reported_at >= ? AND reported_at < ?) t GROUP BY m")) {
            months.bindPeriod(ps, months.bind(ps, 1));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    q[rs.getInt(1)] = new Object[] {rs.getLong(2), round1(number(rs, 3)), round1(number(rs, 4)),
                            round1(number(rs, 5)), round1(number(rs, 6))};
                }
            }
        }
        for (int m = 0; m < n; m++) {
            Object[] r = q[m] == null ? new Object[] {0L, null, null, null, null} : q[m];
            quality.row(months.label(m), r[0], r[1], r[2], r[3], r[4]);
        }

        return SectionContent.builder()
                .figure("consultations_connected", Label.of("已接通视频的问诊", "Consultations with a connected call"),
                        connectedConsultations, Unit.COUNT)
                .figure("connected_minutes_total", Label.of("接通总时长", "Connected time, total"),
                        round1(totalSeconds / 60.0), Unit.MINUTES)
                .figure("connected_minutes_median", Label.of("每次问诊接通时长（中位数）",
                        "Connected time per consultation (median)"),
                        medianSeconds == null ? null : round1(medianSeconds / 60.0), Unit.MINUTES)
                .figure("audio_only_fallbacks", Label.of("自动切换为纯语音次数", "Automatic audio-only fallbacks"),
                        fallbackTotal, Unit.COUNT)
                .figure("audio_only_share", Label.of("出现纯语音切换的问诊占比", "Consultations with an audio-only fallback"),
                        connectedConsultations == 0 ? null : round1(100.0 * fallbackConsultations / connectedConsultations),
                        Unit.PERCENT)
                .figure("reconnects", Label.of("重新连接次数", "Reconnections"), reconnectTotal, Unit.COUNT)
                .table(calls.build())
                .table(quality.build())
                .chart(ChartType.BAR, Label.of("每月纯语音切换与重新连接", "Audio-only fallbacks and reconnections per month"),
                        "video-calls-by-month", "month", "audio_only_fallbacks", "reconnects")
                .note(Label.of("接通时长：医生与已获准入的监护人同时在视频房间内的时间，按连接结束的时刻计入月份；"
                        + "中位数按问诊计算。",
                        "Connected time: the time the physician and the admitted guardian were both in the video room, "
                        + "counted in the month the connection ended; the median is per consultation."))
                .note(Label.of("自动切换为纯语音：因网络质量差由页面自动停止发送视频；手动关闭视频单独列出。"
                        + "重新连接：信令连接断开后由同一页面重新接入（如网络切换），不含仅媒体通道的 ICE 重启。",
                        "Automatic audio-only fallback: the page stopped sending video because of a poor connection; "
                        + "video turned off by hand is shown apart. Reconnection: the same page rejoined after its "
                        + "signaling connection dropped (e.g. a network change); ICE restarts of the media path alone "
                        + "are not counted."))
                .note(Label.of("通话质量：双方约每 3 秒上报的发送端采样的中位数。接通时长、纯语音切换和重新连接自本版本起记录。",
                        "Call quality: medians of the samples both sides report about what they send, about every 3 s. "
                        + "Connected time, fallbacks and reconnections are recorded from this version on."))
                .build();
    }

    private static Double number(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    static Double round1(Double v) {
        return v == null ? null : Math.round(v * 10.0) / 10.0;
    }
}
