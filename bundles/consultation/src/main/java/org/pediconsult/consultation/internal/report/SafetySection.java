package org.pediconsult.consultation.internal.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.consultation.internal.service.ConsultationWorkflow;
import org.pediconsult.platform.api.data.Tx;
import org.pediconsult.platform.api.report.Label;
import org.pediconsult.platform.api.report.ReportPeriod;
import org.pediconsult.platform.api.report.ReportSection;
import org.pediconsult.platform.api.report.SectionContent;
import org.pediconsult.platform.api.report.SectionContent.ChartType;
import org.pediconsult.platform.api.report.SectionContent.Table;
import org.pediconsult.platform.api.report.SectionContent.Unit;

/**
 * Safety events: EMERGENCY triage, sessions ended and referred (with the reasons), and bookings refused
 * because the physician failed an eligibility rule (table {@code consult_eligibility_refusal}, written
 * by the booking since migration V8).
 */
@Component(service = ReportSection.class)
public class SafetySection implements ReportSection {
    static final Map<String, Label> RULES = new LinkedHashMap<>();

    static {
        RULES.put("physician-whitelist", Label.of("医生不在白名单", "physician not on the white-list"));
        RULES.put("pilot-institution", Label.of("非试点机构医生", "physician not of a pilot institution"));
        RULES.put("physician-specialty", Label.of("医生不具备该专科", "physician does not cover the specialty"));
        RULES.put("independent-practice-3-years", Label.of("独立执业不满3年", "less than 3 years of independent practice"));
    }

    private final Tx tx;

    @Activate
    public SafetySection(@Reference(target = "(dataSourceName=pediconsult)") DataSource dataSource,
                         @Reference ConsultationWorkflow schemaReady) {
        this(dataSource);
    }

    SafetySection(DataSource dataSource) {
        this.tx = new Tx(dataSource);
    }

    @Override
    public String id() {
        return "safety";
    }

    @Override
    public Label title() {
        return Label.of("安全事件", "Safety events");
    }

    @Override
    public int order() {
        return 150;
    }

    @Override
    public SectionContent compute(ReportPeriod period) {
        return tx.read(c -> {
            Instant start = period.start();
            Instant end = period.end();
            // one table (V9 keeps the triage level and "ended and referred" on the consultation row)
            Map<String, Long> emergencyBySpecialty = new java.util.TreeMap<>();
            Map<String, long[]> reasons = new LinkedHashMap<>();
            ReportSql.query(c, "SELECT specialty_id, triage_level, ended_and_referred, referral_reason, COUNT(*) AS n "
                    + "FROM consult_consultation WHERE created_at >= ? AND created_at < ? "
                    + "AND (triage_level = 'EMERGENCY' OR ended_and_referred = TRUE) "
                    + "GROUP BY specialty_id, triage_level, ended_and_referred, referral_reason", ReportSql.params(start, end), rs -> {
                long n = rs.getLong("n");
                if ("EMERGENCY".equals(rs.getString("triage_level"))) {
                    emergencyBySpecialty.merge(rs.getString("specialty_id"), n, Long::sum);
                }
                if (rs.getBoolean("ended_and_referred")) {
                    String r = rs.getString("referral_reason");
                    reasons.computeIfAbsent(r == null ? "" : r.strip(), k -> new long[1])[0] += n;
                }
            });
            long emergency = emergencyBySpecialty.values().stream().mapToLong(Long::longValue).sum();
            long endAndRefer = reasons.values().stream().mapToLong(v -> v[0]).sum();

            Map<String, long[]> refusals = new LinkedHashMap<>();
            ReportSql.query(c, "SELECT rule, COUNT(*) AS n, COUNT(DISTINCT physician_id) AS physicians "
                    + "FROM consult_eligibility_refusal WHERE refused_at >= ? AND refused_at < ? GROUP BY rule",
                    ReportSql.params(start, end), rs -> refusals.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)}));
            long[] refusedPhysicians = {0};
            ReportSql.query(c, "SELECT COUNT(DISTINCT physician_id) FROM consult_eligibility_refusal "
                    + "WHERE refused_at >= ? AND refused_at < ?", ReportSql.params(start, end),
                    rs -> refusedPhysicians[0] = rs.getLong(1));
            long refusalCount = refusals.values().stream().mapToLong(v -> v[0]).sum();

            SectionContent.Builder out = SectionContent.builder()
                    .figure("emergency_triage", Label.of("急诊分诊", "EMERGENCY triage"), emergency, Unit.COUNT)
                    .figure("end_and_refer", Label.of("结束并转诊", "Sessions ended and referred"), endAndRefer, Unit.COUNT)
                    .figure("eligibility_refusals", Label.of("因资质规则拒绝的预约", "Bookings refused by eligibility rules"),
                            refusalCount, Unit.COUNT)
                    .figure("refused_physicians", Label.of("被拒绝的医生数", "Physicians refused"), refusedPhysicians[0], Unit.COUNT);

            Table.Builder em = Table.builder("emergency-by-specialty", Label.of("急诊分诊（按专科）", "EMERGENCY triage per specialty"))
                    .column("specialty", Label.of("专科", "Specialty"), Unit.TEXT)
                    .column("count", Label.of("数量", "Count"), Unit.COUNT);
            emergencyBySpecialty.forEach((s, n) -> em.row(s, n));
            out.table(em.build());

            List<Map.Entry<String, long[]>> sorted = new ArrayList<>(reasons.entrySet());
            sorted.sort((a, b) -> {
                int s = Long.compare(b.getValue()[0], a.getValue()[0]);
                return s != 0 ? s : a.getKey().compareTo(b.getKey());
            });
            Table.Builder rt = Table.builder("end-and-refer-reasons", Label.of("结束并转诊原因", "Reasons for ending and referring"))
                    .column("reason", Label.of("原因", "Reason"), Unit.TEXT)
                    .column("count", Label.of("数量", "Count"), Unit.COUNT);
            long other = 0;
            for (int i = 0; i < sorted.size(); i++) {
                if (i < 10 && sorted.get(i).getValue()[0] >= ReportSql.MIN_REASON_COUNT) {
                    rt.row(ReportSql.reason(sorted.get(i).getKey()), sorted.get(i).getValue()[0]);
                } else {
                    other += sorted.get(i).getValue()[0];
                }
            }
            if (other > 0) {
                rt.row(ReportSql.OTHER, other);
            }
            out.table(rt.build());

            Table.Builder ref = Table.builder("eligibility-refusals", Label.of("资质规则拒绝（按规则）", "Eligibility refusals per rule"))
                    .column("rule", Label.of("规则", "Rule"), Unit.TEXT)
                    .column("refusals", Label.of("拒绝次数", "Refusals"), Unit.COUNT)
                    .column("physicians", Label.of("医生数", "Physicians"), Unit.COUNT);
            for (Map.Entry<String, Label> rule : RULES.entrySet()) {
                long[] n = refusals.getOrDefault(rule.getKey(), new long[2]);
                ref.row(rule.getValue(), n[0], n[1]);
            }
            refusals.forEach((rule, n) -> {
                if (!RULES.containsKey(rule)) {
                    ref.row(Label.plain(rule), n[0], n[1]);
                }
            });
            out.table(ref.build())
               .chart(ChartType.BAR, Label.of("资质规则拒绝", "Eligibility refusals"), "eligibility-refusals", "rule", "refusals");

            out.note(Label.of("急诊分诊与结束并转诊按本期内创建的问诊统计；资质拒绝按拒绝发生时间统计。",
                    "EMERGENCY triage and ended-and-referred count the consultations created in the period; eligibility refusals count by the time of the refusal."))
               .note(Label.of("资质拒绝：预约时医生未通过白名单、试点机构、专科或独立执业满3年规则（自本版本起记录，之前的拒绝未记录）。",
                    "Eligibility refusals: bookings refused because the physician failed the white-list, pilot institution, specialty or 3-years-of-practice rule (recorded from this version on; earlier refusals were not recorded)."))
               .note(Label.of("结束并转诊原因为医生填写的原文，只显示出现至少3次的前10项，其余计为“其他”。",
                    "Reasons for ending and referring are the physician's text: only the top 10 given at least 3 times are shown, the rest as \"other\"."));
            return out.build();
        });
    }
}
