package org.pediconsult.pharmacy.internal.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.pharmacy.api.DeliveryState;
import org.pediconsult.pharmacy.api.RefusalReason;
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
 * Medicine delivery for the pilot report, from {@code pharm_delivery} (created, delivered and the time
 * between), {@code pharm_delivery_step} (into REFUSED, RETURNED, QUARANTINED) and {@code pharm_reading}
 * (cold-chain alarms: a parcel's first reading outside 2-8 °C). No addresses, names or phones.
 */
@Component(service = ReportSection.class)
public class DeliveryReportSection implements ReportSection {
    private static final String MODULE = "pharmacy";
    /** Hours from the order's creation to its delivery, portable: the difference of the two epoch seconds. */
    static final String HOURS = "CAST(EXTRACT(EPOCH FROM delivered_at) - EXTRACT(EPOCH FROM created_at) AS DOUBLE PRECISION) / 3600";

    private final Tx tx;

    @Activate
    public DeliveryReportSection(@Reference(target = "(dataSourceName=pediconsult)") DataSource dataSource,
                                 @Reference SchemaMigrations migrations, BundleContext context) {
        migrations.migrate(context.getBundle(), MODULE);
        this.tx = new Tx(dataSource);
    }

    DeliveryReportSection(Tx tx) {
        this.tx = tx;
    }

    @Override
    public String id() {
        return "delivery";
    }

    @Override
    public Label title() {
        return Label.of("药品配送", "Medicine delivery");
    }

    @Override
    public int order() {
        return 500;
    }

    @Override
    public SectionContent compute(ReportPeriod period) {
        return tx.read(c -> compute(c, period));
    }

    private SectionContent compute(Connection c, ReportPeriod period) throws SQLException {
        MonthBuckets months = new MonthBuckets(period);
        int n = months.size();
        long[] created = new long[n];
        long[] refused = new long[n];
        long[] returned = new long[n];
        long[] quarantined = new long[n];
        long[] alarms = new long[n];
        Map<RefusalReason, Long> reasons = new EnumMap<>(RefusalReason.class);
        for (RefusalReason r : RefusalReason.values()) {
            reasons.put(r, 0L);
        }
        long unknownReason = 0;

        // orders created, and the steps into REFUSED (with the reason), RETURNED, QUARANTINED
        try (PreparedStatement ps = c.prepareStatement("SELECT kind, m, reason, COUNT(*) FROM ("
                + "SELECT 'CREATED' AS kind, " + months.caseOf("created_at") + " AS m, CAST(NULL AS VARCHAR(30)) AS reason "
                + "FROM pharm_delivery WHERE created_at >= ? AND created_at < ? UNION ALL "
                + "SELECT s.to_state AS kind, " + months.caseOf("s.at") + " AS m, CASE WHEN s.to_state = '"
                + DeliveryState.REFUSED + "' THEN d.refusal_reason END AS reason FROM pharm_delivery_step s "
                + "JOIN pharm_delivery d ON d.id = s.delivery_id WHERE s.to_state IN ('" + DeliveryState.REFUSED + "', '"
                + DeliveryState.RETURNED + "', '" + DeliveryState.QUARANTINED + "') AND s.at >= ? AND s.at < ?"
                + ") t GROUP BY kind, m, reason")) {
            int i = months.bindPeriod(ps, months.bind(ps, 1));
            months.bindPeriod(ps, months.bind(ps, i));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String kind = rs.getString(1);
                    int m = rs.getInt(2);
                    String reason = rs.getString(3);
                    long count = rs.getLong(4);
                    switch (kind) {
                        case "CREATED" -> created[m] += count;
                        case "REFUSED" -> {
                            refused[m] += count;
                            RefusalReason r = reason == null ? null : parse(reason);
                            if (r == null) {
                                unknownReason += count;
                            } else {
                                reasons.merge(r, count, Long::sum);
                            }
                        }
                        case "RETURNED" -> returned[m] += count;
                        default -> quarantined[m] += count;
                    }
                }
            }
        }

        // delivered, with the hours from order to delivery: median and 90th percentile per month and overall
        long[] delivered = new long[n];
        Double[] median = new Double[n];
        Double[] p90 = new Double[n];
        try (PreparedStatement ps = c.prepareStatement("SELECT m, COUNT(*), PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY h), "
                + "PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY h) FROM (SELECT " + months.caseOf("delivered_at") + " AS m, "
                + HOURS + " AS h FROM pharm_delivery WHERE delivered_at >= ? AND delivered_at < ?) t GROUP BY m")) {
            months.bindPeriod(ps, months.bind(ps, 1));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int m = rs.getInt(1);
                    delivered[m] = rs.getLong(2);
                    median[m] = round1(number(rs, 3));
                    p90[m] = round1(number(rs, 4));
                }
            }
        }
        long deliveredTotal;
        Double medianTotal;
        Double p90Total;
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY h), "
                + "PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY h) FROM (SELECT " + HOURS + " AS h FROM pharm_delivery "
                + "WHERE delivered_at >= ? AND delivered_at < ?) t")) {
            months.bindPeriod(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                deliveredTotal = rs.getLong(1);
                medianTotal = round1(number(rs, 2));
                p90Total = round1(number(rs, 3));
            }
        }

        // cold-chain alarms: parcels whose first out-of-range reading is in the period
        try (PreparedStatement ps = c.prepareStatement("SELECT m, COUNT(*) FROM (SELECT " + months.caseOf("first_at")
                + " AS m FROM (SELECT delivery_id, MIN(at) AS first_at FROM pharm_reading WHERE in_range = FALSE "
                + "GROUP BY delivery_id) a WHERE first_at >= ? AND first_at < ?) t GROUP BY m")) {
            months.bindPeriod(ps, months.bind(ps, 1));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    alarms[rs.getInt(1)] += rs.getLong(2);
                }
            }
        }

        Table.Builder monthly = Table.builder("delivery-by-month", Label.of("每月配送", "Deliveries per month"))
                .column("month", Label.of("月份", "Month"), Unit.TEXT)
                .column("created", Label.of("配送单", "Orders created"), Unit.COUNT)
                .column("delivered", Label.of("已送达", "Delivered"), Unit.COUNT)
                .column("median_hours", Label.of("送达时长中位数", "Time to delivery, median"), Unit.HOURS)
                .column("p90_hours", Label.of("送达时长第 90 百分位", "Time to delivery, 90th percentile"), Unit.HOURS)
                .column("refused", Label.of("拒收", "Refused"), Unit.COUNT)
                .column("returned", Label.of("退回", "Returned"), Unit.COUNT)
                .column("cold_chain_alarms", Label.of("冷链温度报警", "Cold-chain alarms"), Unit.COUNT)
                .column("quarantined", Label.of("隔离", "Quarantined"), Unit.COUNT);
        long refusedTotal = 0;
        long alarmTotal = 0;
        long quarantinedTotal = 0;
        for (int m = 0; m < n; m++) {
            monthly.row(months.label(m), created[m], delivered[m], median[m], p90[m], refused[m], returned[m], alarms[m],
                    quarantined[m]);
            refusedTotal += refused[m];
            alarmTotal += alarms[m];
            quarantinedTotal += quarantined[m];
        }
        Table.Builder refusals = Table.builder("delivery-refusals", Label.of("拒收原因", "Refused deliveries by reason"))
                .column("reason", Label.of("原因", "Reason"), Unit.TEXT)
                .column("count", Label.of("拒收次数", "Refused"), Unit.COUNT);
        for (RefusalReason r : RefusalReason.values()) {
            refusals.row(label(r), reasons.get(r));
        }
        if (unknownReason > 0) {
            refusals.row(Label.of("未记录", "Not recorded"), unknownReason);
        }

        return SectionContent.builder()
                .figure("delivered", Label.of("已送达", "Delivered"), deliveredTotal, Unit.COUNT)
                .figure("median_hours", Label.of("下单至送达（中位数）", "Order to delivery (median)"), medianTotal, Unit.HOURS)
                .figure("p90_hours", Label.of("下单至送达（第 90 百分位）", "Order to delivery (90th percentile)"), p90Total,
                        Unit.HOURS)
                .figure("refused", Label.of("拒收", "Refused at the door"), refusedTotal, Unit.COUNT)
                .figure("cold_chain_alarms", Label.of("冷链温度报警", "Cold-chain alarms"), alarmTotal, Unit.COUNT)
                .figure("quarantined", Label.of("隔离（不再入库）", "Quarantined (never restocked)"), quarantinedTotal, Unit.COUNT)
                .table(monthly.build())
                .table(refusals.build())
                .chart(ChartType.BAR, Label.of("每月配送单与送达", "Orders and deliveries per month"), "delivery-by-month", "month",
                        "created", "delivered", "refused")
                .note(Label.of("送达时长：配送单创建（处方审核通过）至送达家庭的小时数，按送达时间计入月份。拒收、退回、隔离按该步骤发生的时间计数。",
                        "Time to delivery: hours from the delivery order's creation (the prescription's approval) to the "
                        + "hand-over to the family, counted in the month of delivery. Refusals, returns and quarantines "
                        + "count when that step happened."))
                .note(Label.of("冷链温度报警：冷链包裹首次出现 2-8 °C 以外的读数（每个包裹计一次），按读数时间计入月份；此类包裹不交付，退回后隔离。",
                        "Cold-chain alarm: a cold-chain parcel's first reading outside 2-8 °C (once per parcel), counted "
                        + "in the month of that reading; such a parcel is never handed over, it is returned and quarantined."))
                .build();
    }

    private static RefusalReason parse(String reason) {
        try {
            return RefusalReason.valueOf(reason);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Label label(RefusalReason r) {
        return switch (r) {
            case SEAL_BROKEN -> Label.of("封签破损或编号不符", "Seal broken or not the recorded one");
            case TEMPERATURE_EXCURSION -> Label.of("冷链温度超出范围", "Cold-chain temperature excursion");
            case WRONG_PERSON -> Label.of("收件人非监护人", "Not the guardian at the door");
            case DECLINED -> Label.of("家属拒绝接收", "Declined by the family");
        };
    }

    private static Double number(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    static Double round1(Double v) {
        return v == null ? null : Math.round(v * 10.0) / 10.0;
    }
}
