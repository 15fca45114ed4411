package org.pediconsult.prescription.internal.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
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
import org.pediconsult.prescription.api.PrescriptionState;
import org.pediconsult.prescription.api.RejectionCategory;
import org.pediconsult.prescription.api.Text;
import org.pediconsult.specialty.api.Specialty;

/**
 * E-prescriptions for the pilot report, from {@code rx_prescription} (one row per version): versions
 * signed (first versions and corrections of rejected ones), reviewed by a pharmacist (approved,
 * rejected), voided (by cause), expired and dispensed, per specialty and month. Each count is of the
 * versions whose own time (signed_at, reviewed_at, voided_at, valid_until, dispensed_at) is in the period.
 */
@Component(service = ReportSection.class)
public class PrescriptionReportSection implements ReportSection {
    /** The kinds counted, in the tables' column order. */
    static final List<String> KINDS = List.of("SIGNED", "CORRECTION", "APPROVED", "REJECTED", "VOIDED", "EXPIRED", "DISPENSED");
    private static final String MODULE = "prescription";

    private final Tx tx;
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile List<Specialty> specialties = new CopyOnWriteArrayList<>();

    @Activate
    public PrescriptionReportSection(@Reference(target = "(dataSourceName=pediconsult)") DataSource dataSource,
                                     @Reference SchemaMigrations migrations, BundleContext context) {
        migrations.migrate(context.getBundle(), MODULE);
        this.tx = new Tx(dataSource);
    }

    PrescriptionReportSection(Tx tx) {
        this.tx = tx;
    }

    @Override
    public String id() {
        return "prescriptions";
    }

    @Override
    public Label title() {
        return Label.of("电子处方", "E-prescriptions");
    }

    @Override
    public int order() {
        return 400;
    }

    @Override
    public SectionContent compute(ReportPeriod period) {
        return tx.read(c -> compute(c, period));
    }

    /** One part of the UNION: the versions whose {@code column} is in the period, as (kind, specialty, month, cause). */
    private static String part(MonthBuckets months, String kind, String column, String cause, String condition) {
        return "SELECT '" + kind + "' AS kind, specialty_id, " + months.caseOf(column) + " AS m, " + cause
                + " AS cause FROM rx_prescription r WHERE " + condition + column + " >= ? AND " + column + " < ?";
    }

    private SectionContent compute(Connection c, ReportPeriod period) throws SQLException {
        MonthBuckets months = new MonthBuckets(period);
        int n = months.size();
        String none = "CAST(NULL AS VARCHAR(20))";
        String sql = "SELECT kind, specialty_id, m, cause, COUNT(*) FROM ("
                + part(months, "SIGNED", "signed_at",
                        "CASE WHEN previous_id IS NULL THEN 'FIRST' ELSE 'CORRECTION' END", "")
                + " UNION ALL " + part(months, "REVIEWED", "reviewed_at",
                        "CASE WHEN state <> '" + PrescriptionState.REJECTED + "' THEN 'APPROVED' WHEN EXISTS (SELECT 1 FROM "
                        + "rx_prescription s WHERE s.consultation_id = r.consultation_id AND s.previous_id = r.id) "
                        + "THEN 'CORRECTED' ELSE 'NOT_CORRECTED' END", "")
                + " UNION ALL " + part(months, "VOIDED", "voided_at",
                        "CASE WHEN voided_by = 'system:consultation.referred' THEN 'REFERRED' "
                        + "WHEN voided_by = 'system:consultation.cancelled' THEN 'CANCELLED' "
                        + "WHEN voided_by = physician THEN 'PHYSICIAN' ELSE 'OTHER' END", "")
                + " UNION ALL " + part(months, "EXPIRED", "valid_until", none,
                        "state = '" + PrescriptionState.EXPIRED + "' AND ")
                + " UNION ALL " + part(months, "DISPENSED", "dispensed_at", none, "")
                + ") t GROUP BY kind, specialty_id, m, cause";
        Map<String, long[]> bySpecialty = new TreeMap<>();
        long[][] byMonth = new long[n][KINDS.size()];
        long[] total = new long[KINDS.size()];
        Map<String, Long> causes = new LinkedHashMap<>();
        for (String cause : List.of("CORRECTED", "NOT_CORRECTED", "REFERRED", "CANCELLED", "PHYSICIAN", "OTHER")) {
            causes.put(cause, 0L);
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            for (int part = 0; part < 5; part++) {
                i = months.bindPeriod(ps, months.bind(ps, i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String kind = rs.getString(1);
                    String specialty = rs.getString(2);
                    int m = rs.getInt(3);
                    String cause = rs.getString(4);
                    long count = rs.getLong(5);
                    String column = switch (kind) {
                        case "REVIEWED" -> "APPROVED".equals(cause) ? "APPROVED" : "REJECTED";
                        default -> kind;
                    };
                    long[] row = bySpecialty.computeIfAbsent(specialty, k -> new long[KINDS.size()]);
                    add(row, byMonth[m], total, KINDS.indexOf(column), count);
                    if ("SIGNED".equals(kind) && "CORRECTION".equals(cause)) {
                        add(row, byMonth[m], total, KINDS.indexOf("CORRECTION"), count);
                    }
                    if (cause != null && causes.containsKey(cause)) {
                        causes.merge(cause, count, Long::sum);
                    }
                }
            }
        }

        Table.Builder specialtyTable = columns(Table.builder("rx-by-specialty", Label.of("按专科", "By specialty"))
                .column("specialty", Label.of("专科", "Specialty"), Unit.TEXT));
        bySpecialty.forEach((id, row) -> specialtyTable.row(cells(specialtyLabel(id), row)));
        Table.Builder monthTable = columns(Table.builder("rx-by-month", Label.of("每月处方", "Prescriptions per month"))
                .column("month", Label.of("月份", "Month"), Unit.TEXT));
        for (int m = 0; m < n; m++) {
            monthTable.row(cells(months.label(m), byMonth[m]));
        }
        Table.Builder reasons = Table.builder("rx-rejections-voids", Label.of("驳回与作废的原因", "Rejections and voids by cause"))
                .column("cause", Label.of("原因", "Cause"), Unit.TEXT)
                .column("count", Label.of("处方版本数", "Versions"), Unit.COUNT);
        reasons.row(Label.of("药师驳回，医生已修改重开", "Rejected by the pharmacist, corrected by a new version"),
                causes.get("CORRECTED"));
        reasons.row(Label.of("药师驳回，未修改重开", "Rejected by the pharmacist, not corrected"), causes.get("NOT_CORRECTED"));
        reasons.row(Label.of("作废：问诊转线下就诊", "Voided: consultation referred to in-person care"), causes.get("REFERRED"));
        reasons.row(Label.of("作废：问诊取消", "Voided: consultation cancelled"), causes.get("CANCELLED"));
        reasons.row(Label.of("作废：医生作废", "Voided by the physician"), causes.get("PHYSICIAN"));
        reasons.row(Label.of("作废：运维操作", "Voided by operations"), causes.get("OTHER"));

        // pharmacists' rejections by the category of the review point (RejectionCategory), by review time
        Map<String, Long> categories = new LinkedHashMap<>();
        for (RejectionCategory category : RejectionCategory.values()) {
            categories.put(category.name(), 0L);
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT rejection_category, COUNT(*) FROM rx_prescription "
                + "WHERE state = ? AND reviewed_at >= ? AND reviewed_at < ? GROUP BY rejection_category")) {
            ps.setString(1, PrescriptionState.REJECTED.name());
            months.bindPeriod(ps, 2);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    categories.merge(rs.getString(1) == null ? "" : rs.getString(1), rs.getLong(2), Long::sum);
                }
            }
        }
        Table.Builder byCategory = Table.builder("rx-rejections-by-category",
                        Label.of("药师驳回（按审核要点）", "Pharmacists' rejections by review point"))
                .column("category", Label.of("审核要点", "Review point"), Unit.TEXT)
                .column("count", Label.of("驳回数", "Rejections"), Unit.COUNT);
        categories.forEach((name, count) -> {
            if (name.isEmpty()) {
                byCategory.row(Label.of("未分类（早于分类记录）", "Not categorised (before categories were recorded)"), count);
            } else {
                Text label = RejectionCategory.valueOf(name).label();
                byCategory.row(Label.of(label.zh, label.en), count);
            }
        });

        long approved = total[KINDS.indexOf("APPROVED")];
        long rejected = total[KINDS.indexOf("REJECTED")];
        return SectionContent.builder()
                .figure("signed", Label.of("已签名的处方版本", "Prescription versions signed"), total[KINDS.indexOf("SIGNED")],
                        Unit.COUNT)
                .figure("approved", Label.of("药师审核通过", "Approved by a pharmacist"), approved, Unit.COUNT)
                .figure("rejected", Label.of("药师驳回", "Rejected by a pharmacist"), rejected, Unit.COUNT)
                .figure("approval_rate", Label.of("审核通过率", "Approval rate"),
                        approved + rejected == 0 ? null : Math.round(1000.0 * approved / (approved + rejected)) / 10.0,
                        Unit.PERCENT)
                .figure("dispensed", Label.of("已发药", "Dispensed"), total[KINDS.indexOf("DISPENSED")], Unit.COUNT)
                .table(monthTable.build())
                .table(specialtyTable.build())
                .table(reasons.build())
                .table(byCategory.build())
                .chart(ChartType.BAR, Label.of("每月签名、通过与驳回", "Signed, approved and rejected per month"), "rx-by-month",
                        "month", "signed", "approved", "rejected")
                .note(Label.of("每个处方版本单独计数：被驳回的版本修改后以新版本重新签名，计入“已签名”与“其中修改重开”。"
                        + "各项按该版本自身的时间计入期间和月份（签名、审核、作废、有效期截止、发药时间）。",
                        "Each prescription version counts on its own: a rejected version corrected and signed again is a new "
                        + "version, counted in 'signed' and in 'of which corrections'. Each figure counts the versions whose "
                        + "own time (signing, review, void, end of validity, dispensing) is in the period and month."))
                .note(Label.of("药师驳回按审核要点分类计数（药师驳回时选择）；驳回理由为自由文本，可能含有个人信息，本报告不列出。"
                        + "系统规则（剂量、过敏等）未通过的处方无法签名，因此不会到达药师。",
                        "Pharmacists' rejections are counted by the review point the pharmacist chose when rejecting; the "
                        + "free-text reason may hold personal data and is not listed. A prescription failing a rule (dose, "
                        + "allergy, ...) cannot be signed, so it never reaches a pharmacist."))
                .build();
    }

    private static void add(long[] specialty, long[] month, long[] total, int column, long count) {
        specialty[column] += count;
        month[column] += count;
        total[column] += count;
    }

    private static Table.Builder columns(Table.Builder t) {
        return t.column("signed", Label.of("已签名", "Signed"), Unit.COUNT)
                .column("corrections", Label.of("其中修改重开", "Of which corrections"), Unit.COUNT)
                .column("approved", Label.of("审核通过", "Approved"), Unit.COUNT)
                .column("rejected", Label.of("驳回", "Rejected"), Unit.COUNT)
                .column("voided", Label.of("作废", "Voided"), Unit.COUNT)
                .column("expired", Label.of("过期", "Expired"), Unit.COUNT)
                .column("dispensed", Label.of("已发药", "Dispensed"), Unit.COUNT);
    }

    private static Object[] cells(Object first, long[] row) {
        Object[] cells = new Object[row.length + 1];
        cells[0] = first;
        for (int i = 0; i < row.length; i++) {
            cells[i + 1] = row[i];
        }
        return cells;
    }

    private Label specialtyLabel(String id) {
        List<Specialty> known = specialties;
        if (known != null) {
            for (Specialty s : known) {
                if (id.equals(s.id()) && s.name() != null) {
                    return Label.of(s.name().zh, s.name().en);
                }
            }
        }
        return Label.plain(id);
    }
}
