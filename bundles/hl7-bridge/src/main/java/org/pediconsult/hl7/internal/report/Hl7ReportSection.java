package org.pediconsult.hl7.internal.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

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
 * HL7 interfaces for the pilot report, from the bridge's message store ({@code hl7_message}, both
 * directions, and {@code hl7_outbound} for delivery attempts): inbound messages per type and month,
 * accepted vs refused with a negative ACK vs acknowledged but not processed (for review); outbound per
 * type sent, failing (retrying) and parked. Counts only: no message content, no patient column.
 */
@Component(service = ReportSection.class)
public class Hl7ReportSection implements ReportSection {
    /**
     * What a stored message came to. Inbound: PROCESSED and ACCEPTED are accepted; DUPLICATE a resend
     * answered with the first ACK; RECEIVED (acknowledged, processing pending) and ERROR with a positive
     * ACK (acknowledged, then processing failed: to reprocess) are for review; ERROR or REJECTED with a
     * negative ACK (AE/AR/CE/CR) are refused. Outbound: SENT, PARKED, QUEUED after failed attempts
     * (FAILING) or not yet tried (QUEUED). The outcomes in the WHEN clauses are the stored names of
     * {@link org.pediconsult.hl7.internal.inbound.InboundOutcome} and {@link org.pediconsult.hl7.internal.outbound.OutboundOutcome};
     * each THEN names a {@link MessageClass}.
     */
    static final String CLASS = "CASE"
            + " WHEN m.direction = 'IN' AND m.outcome IN ('PROCESSED', 'ACCEPTED') THEN 'ACCEPTED'"
            + " WHEN m.direction = 'IN' AND m.outcome = 'DUPLICATE' THEN 'DUPLICATE'"
            + " WHEN m.direction = 'IN' AND m.outcome = 'RECEIVED' THEN 'REVIEW'"
            + " WHEN m.direction = 'IN' AND m.outcome = 'ERROR' AND (m.ack LIKE '%MSA|AA%' OR m.ack LIKE '%MSA|CA%')"
            + " THEN 'REVIEW'"
            + " WHEN m.direction = 'IN' THEN 'REJECTED'"
            + " WHEN m.outcome = 'SENT' THEN 'SENT'"
            + " WHEN m.outcome = 'PARKED' THEN 'PARKED'"
            + " WHEN o.attempts > 0 THEN 'FAILING'"
            + " ELSE 'QUEUED' END";
    private static final String UNKNOWN_TYPE = "?";

    /** The classes {@link #CLASS} puts a message in (the query answers their names). */
    private enum MessageClass {
        /** Inbound: processed or accepted. */
        ACCEPTED,
        /** Inbound: refused with a negative ACK. */
        REJECTED,
        /** Inbound: acknowledged, not processed yet or failed in processing. */
        REVIEW,
        /** Inbound: a resend answered with the first ACK. */
        DUPLICATE,
        /** Outbound: accepted by the receiver. */
        SENT,
        /** Outbound: queued after failed attempts. */
        FAILING,
        /** Outbound: queued, not tried yet. */
        QUEUED,
        /** Outbound: given up. */
        PARKED
    }

    private final Tx tx;

    @Activate
    public Hl7ReportSection(@Reference(target = "(dataSourceName=pediconsult)") DataSource dataSource,
                            @Reference SchemaMigrations migrations, BundleContext context) {
        migrations.migrate(context.getBundle(), "hl7");
        this.tx = new Tx(dataSource);
    }

    Hl7ReportSection(Tx tx) {
        this.tx = tx;
    }

    @Override
    public String id() {
        return "hl7";
    }

    @Override
    public Label title() {
        return Label.of("HL7 接口", "HL7 interfaces");
    }

    @Override
    public int order() {
        return 700;
    }

    @Override
    public SectionContent compute(ReportPeriod period) {
        return tx.read(c -> compute(c, period));
    }

    /** Counts per class: ACCEPTED, REJECTED, REVIEW, DUPLICATE (inbound); SENT, FAILING, QUEUED, PARKED (outbound). */
    private static final class Counts {
        final Map<String, Long> byClass = new TreeMap<>();

        void add(String cls, long n) {
            byClass.merge(cls, n, Long::sum);
        }

        long get(MessageClass cls) {
            return byClass.getOrDefault(cls.name(), 0L);
        }

        long total() {
            return byClass.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private SectionContent compute(Connection c, ReportPeriod period) throws SQLException {
        MonthBuckets months = new MonthBuckets(period);
        int n = months.size();
        Map<String, Counts> inByType = new TreeMap<>();
        Map<String, Counts> outByType = new TreeMap<>();
        Counts[] inByMonth = new Counts[n];
        Counts[] outByMonth = new Counts[n];
        for (int i = 0; i < n; i++) {
            inByMonth[i] = new Counts();
            outByMonth[i] = new Counts();
        }
        Counts in = new Counts();
        Counts out = new Counts();
        try (PreparedStatement ps = c.prepareStatement("SELECT direction, message_type, mon, cls, COUNT(*) FROM ("
                + "SELECT m.direction, m.message_type, " + months.caseOf("m.received_at") + " AS mon, " + CLASS
                + " AS cls FROM hl7_message m LEFT JOIN hl7_outbound o ON o.message_id = m.id "
                + "WHERE m.received_at >= ? AND m.received_at < ?) t GROUP BY direction, message_type, mon, cls")) {
            months.bindPeriod(ps, months.bind(ps, 1));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    boolean inbound = "IN".equals(rs.getString(1));
                    String type = rs.getString(2) == null || rs.getString(2).isBlank() ? UNKNOWN_TYPE : rs.getString(2);
                    int m = rs.getInt(3);
                    String cls = rs.getString(4);
                    long count = rs.getLong(5);
                    (inbound ? inByType : outByType).computeIfAbsent(type, k -> new Counts()).add(cls, count);
                    (inbound ? inByMonth : outByMonth)[m].add(cls, count);
                    (inbound ? in : out).add(cls, count);
                }
            }
        }

        Label typeLabel = Label.of("消息类型", "Message type");
        Table.Builder inbound = Table.builder("hl7-inbound-by-type", Label.of("接收的消息（按类型）", "Inbound messages by type"))
                .column("type", typeLabel, Unit.TEXT)
                .column("received", Label.of("接收", "Received"), Unit.COUNT)
                .column("accepted", Label.of("已接受", "Accepted"), Unit.COUNT)
                .column("rejected", Label.of("拒收（否定确认）", "Refused (negative ACK)"), Unit.COUNT)
                .column("review", Label.of("已确认未处理（待复核）", "Acknowledged, not processed (for review)"), Unit.COUNT)
                .column("duplicates", Label.of("重复发送", "Duplicates"), Unit.COUNT);
        inByType.forEach((type, k) -> inbound.row(typeCell(type), k.total(), k.get(MessageClass.ACCEPTED),
                k.get(MessageClass.REJECTED), k.get(MessageClass.REVIEW), k.get(MessageClass.DUPLICATE)));
        Table.Builder outbound = Table.builder("hl7-outbound-by-type", Label.of("发送的消息（按类型）", "Outbound messages by type"))
                .column("type", typeLabel, Unit.TEXT)
                .column("queued", Label.of("生成", "Created"), Unit.COUNT)
                .column("sent", Label.of("已送达", "Sent"), Unit.COUNT)
                .column("failing", Label.of("发送失败、重试中", "Failed, retrying"), Unit.COUNT)
                .column("waiting", Label.of("待发送", "Waiting"), Unit.COUNT)
                .column("parked", Label.of("已搁置", "Parked"), Unit.COUNT);
        outByType.forEach((type, k) -> outbound.row(typeCell(type), k.total(), k.get(MessageClass.SENT),
                k.get(MessageClass.FAILING), k.get(MessageClass.QUEUED), k.get(MessageClass.PARKED)));
        Table.Builder monthly = Table.builder("hl7-by-month", Label.of("每月消息量", "Messages per month"))
                .column("month", Label.of("月份", "Month"), Unit.TEXT)
                .column("inbound", Label.of("接收", "Inbound"), Unit.COUNT)
                .column("inbound_rejected", Label.of("接收拒收", "Inbound refused"), Unit.COUNT)
                .column("inbound_review", Label.of("接收待复核", "Inbound for review"), Unit.COUNT)
                .column("outbound", Label.of("发送", "Outbound"), Unit.COUNT)
                .column("outbound_parked", Label.of("发送搁置", "Outbound parked"), Unit.COUNT);
        for (int m = 0; m < n; m++) {
            monthly.row(months.label(m), inByMonth[m].total(), inByMonth[m].get(MessageClass.REJECTED),
                    inByMonth[m].get(MessageClass.REVIEW), outByMonth[m].total(), outByMonth[m].get(MessageClass.PARKED));
        }

        long inboundFirst = in.total() - in.get(MessageClass.DUPLICATE);
        return SectionContent.builder()
                .figure("inbound", Label.of("接收的消息", "Inbound messages"), in.total(), Unit.COUNT)
                .figure("inbound_accepted_pct", Label.of("接收消息接受率（不含重复）", "Inbound accepted (duplicates excluded)"),
                        inboundFirst == 0 ? null : round1(100.0 * in.get(MessageClass.ACCEPTED) / inboundFirst), Unit.PERCENT)
                .figure("inbound_rejected", Label.of("拒收（否定确认）", "Inbound refused (negative ACK)"),
                        in.get(MessageClass.REJECTED), Unit.COUNT)
                .figure("outbound", Label.of("发送的消息", "Outbound messages"), out.total(), Unit.COUNT)
                .figure("outbound_parked", Label.of("发送搁置", "Outbound parked"), out.get(MessageClass.PARKED), Unit.COUNT)
                .table(monthly.build())
                .table(inbound.build())
                .table(outbound.build())
                .chart(ChartType.BAR, Label.of("每月消息量", "Messages per month"), "hl7-by-month", "month",
                        "inbound", "outbound")
                .note(Label.of("按消息存入消息库的时间计入月份。接收：已接受 = 已处理或已接受；拒收 = 以否定确认（AE/AR）应答；"
                        + "待复核 = 已肯定确认但尚未处理或处理失败，需运维人员重新处理；重复发送以首次的确认应答，不再处理。",
                        "Messages are counted in the month they were stored. Inbound: accepted = processed or accepted; "
                        + "refused = answered with a negative ACK (AE/AR); for review = acknowledged but not yet processed "
                        + "or failed in processing, for an operator to reprocess; a duplicate is answered with the first "
                        + "ACK and not processed again."))
                .note(Label.of("发送：已送达 = 接收方肯定确认；重试中 = 已有失败的发送尝试，仍在队列；已搁置 = 多次否定确认或超时、"
                        + "被拒绝或无法映射，已放弃，需人工处理。消息库按保留期删除旧消息，超出保留期的月份计数会偏少。",
                        "Outbound: sent = acknowledged by the receiver; retrying = queued after failed attempts; parked = "
                        + "given up after negative ACKs or timeouts, rejected or not mappable, for an operator. The store "
                        + "deletes messages past their retention: months older than that count fewer."))
                .build();
    }

    private static Object typeCell(String type) {
        return UNKNOWN_TYPE.equals(type) ? Label.of("（无法识别）", "(unreadable)") : type;
    }

    static Double round1(double v) {
        return Math.round(v * 10.0) / 10.0;
    }
}
