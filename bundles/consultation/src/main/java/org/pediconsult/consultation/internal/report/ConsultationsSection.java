package org.pediconsult.consultation.internal.report;

import static org.pediconsult.consultation.internal.report.ReportSql.percent;
import static org.pediconsult.consultation.internal.report.ReportSql.round1;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.consultation.internal.service.ConsultationWorkflow;
import org.pediconsult.platform.api.data.Sql;
import org.pediconsult.platform.api.data.Tx;
import org.pediconsult.platform.api.report.Label;
import org.pediconsult.platform.api.report.ReportPeriod;
import org.pediconsult.platform.api.report.ReportSection;
import org.pediconsult.platform.api.report.SectionContent;
import org.pediconsult.platform.api.report.SectionContent.ChartType;
import org.pediconsult.platform.api.report.SectionContent.Table;
import org.pediconsult.platform.api.report.SectionContent.Unit;

/**
 * Consultations of the period (created, i.e. requested, in it): per month, specialty and institution,
 * initial and follow-up, outcomes, triage, referral rates and reasons, waiting times, durations and
 * guardian-presence pauses. One pass over the period's consultation rows (no join), grouped in Java.
 */
@Component(service = ReportSection.class)
public class ConsultationsSection implements ReportSection {
    static final String OPEN_STATES = "'REQUESTED','ASSESSED','SCHEDULED','WAITING','IN_PROGRESS','PAUSED'";
    private final Tx tx;

    @Activate
    public ConsultationsSection(@Reference(target = "(dataSourceName=pediconsult)") DataSource dataSource,
                                @Reference ConsultationWorkflow schemaReady) {
        this(dataSource);
    }

    ConsultationsSection(DataSource dataSource) {
        this.tx = new Tx(dataSource);
    }

    @Override
    public String id() {
        return "consultations";
    }

    @Override
    public Label title() {
        return Label.of("问诊", "Consultations");
    }

    @Override
    public int order() {
        return 100;
    }

    /** Counts of one group (month, specialty, institution). */
    private static final class Counts {
        long total, initial, followUp, completed, referred, referredTriage, referredSession, cancelled, noShow, open;

        void add(String kind, String state, boolean session, long n) {
            total += n;
            if ("FOLLOW_UP".equals(kind)) {
                followUp += n;
            } else {
                initial += n;
            }
            switch (state) {
                case "COMPLETED": completed += n; break;
                case "REFERRED":
                    referred += n;
                    if (session) {
                        referredSession += n;
                    } else {
                        referredTriage += n;
                    }
                    break;
                case "CANCELLED": cancelled += n; break;
                case "NO_SHOW": noShow += n; break;
                default: open += n;
            }
        }
    }

    @Override
    public SectionContent compute(ReportPeriod period) {
        return tx.read(c -> {
            Instant start = period.start();
            Instant end = period.end();
            List<YearMonth> months = period.months();
            Counts all = new Counts();
            Map<Integer, Counts> byMonth = new TreeMap<>();
            Map<List<String>, Counts> byGroup = new TreeMap<>((a, b) -> {
                int s = a.get(0).compareTo(b.get(0));
                return s != 0 ? s : nullsLast(a.get(1), b.get(1));
            });
            Map<String, Long> triage = new LinkedHashMap<>();
            long[] assessed = {0};

            // Institutions of the physicians (a few hundred rows at most).
            Map<String, String> institutions = new java.util.HashMap<>();
            ReportSql.query(c, "SELECT id, institution FROM consult_physician", List.of(),
                    rs -> institutions.put(rs.getString(1), rs.getString(2)));

            // One pass over the period's consultations, one table: what the report needs of the transitions and the
            // assessment is kept on the consultation row (V9: triage level, waiting room, admission, first start,
            // pauses, ended and referred), so a year of a pilot is read without a join; grouped here, by month in the
            // pilot's zone.
            List<Double> bookingToStart = new ArrayList<>();
            List<Double> waitingToAdmission = new ArrayList<>();
            List<Double> durations = new ArrayList<>();
            long[] pauses = {0, 0};
            Map<String, long[]> reasons = new LinkedHashMap<>();
            ReportSql.query(c, "SELECT created_at, specialty_id, physician_id, kind, state, triage_level, ended_and_referred, "
                    + "referral_reason, waiting_at, admitted_at, started_at, completed_at, pause_count "
                    + "FROM consult_consultation WHERE created_at >= ? AND created_at < ?", ReportSql.params(start, end), rs -> {
                Instant created = Sql.instant(rs, "created_at");
                String kind = rs.getString("kind");
                String state = rs.getString("state");
                boolean session = rs.getBoolean("ended_and_referred");
                all.add(kind, state, session, 1);
                byMonth.computeIfAbsent(ReportSql.monthIndex(period, created), k -> new Counts()).add(kind, state, session, 1);
                String physician = rs.getString("physician_id");
                List<String> key = new ArrayList<>();
                key.add(rs.getString("specialty_id"));
                key.add(physician == null ? null : institutions.get(physician));
                byGroup.computeIfAbsent(key, k -> new Counts()).add(kind, state, session, 1);
                String level = rs.getString("triage_level");
                if (level != null) {
                    triage.merge(level, 1L, Long::sum);
                    assessed[0]++;
                }
                if ("REFERRED".equals(state)) {
                    String r = rs.getString("referral_reason");
                    reasons.computeIfAbsent(r == null ? "" : r.strip(), k -> new long[2])[session ? 1 : 0]++;
                }
                Instant started = Sql.instant(rs, "started_at");
                if (started != null) {
                    Instant waiting = Sql.instant(rs, "waiting_at");
                    Instant admitted = Sql.instant(rs, "admitted_at");
                    Instant completed = "COMPLETED".equals(state) ? Sql.instant(rs, "completed_at") : null;
                    bookingToStart.add(minutes(created, started));
                    if (waiting != null && admitted != null) {
                        waitingToAdmission.add(minutes(waiting, admitted));
                    }
                    if (completed != null) {
                        durations.add(minutes(started, completed));
                    }
                    long n = rs.getLong("pause_count");
                    pauses[0] += n;
                    if (n > 0) {
                        pauses[1]++;
                    }
                }
            });

            long ended = all.completed + all.referredSession;
            SectionContent.Builder out = SectionContent.builder()
                    .figure("total", Label.of("问诊总数", "Consultations"), all.total, Unit.COUNT)
                    .figure("initial", Label.of("初诊", "Initial consultations"), all.initial, Unit.COUNT)
                    .figure("follow_up", Label.of("复诊", "Follow-up consultations"), all.followUp, Unit.COUNT)
                    .figure("completed", Label.of("已完成", "Completed"), all.completed, Unit.COUNT)
                    .figure("referred", Label.of("已转诊", "Referred"), all.referred, Unit.COUNT)
                    .figure("cancelled", Label.of("已取消", "Cancelled"), all.cancelled, Unit.COUNT)
                    .figure("no_show", Label.of("爽约", "No-shows"), all.noShow, Unit.COUNT)
                    .figure("open", Label.of("进行中/未结束", "Open"), all.open, Unit.COUNT)
                    .figure("referral_rate_triage", Label.of("分诊转诊率", "Referral rate at triage"),
                            percent(all.referredTriage, assessed[0]), Unit.PERCENT)
                    .figure("referral_rate_session", Label.of("问诊中转诊率", "Referral rate of ended sessions"),
                            percent(all.referredSession, ended), Unit.PERCENT)
                    .figure("wait_booking_start_median", Label.of("预约至开始（中位数）", "Booking to start (median)"),
                            round1(median(bookingToStart)), Unit.MINUTES)
                    .figure("wait_booking_start_p90", Label.of("预约至开始（第90百分位）", "Booking to start (90th percentile)"),
                            round1(p90(bookingToStart)), Unit.MINUTES)
                    .figure("wait_room_admission_median", Label.of("候诊至接诊（中位数）", "Waiting room to admission (median)"),
                            round1(median(waitingToAdmission)), Unit.MINUTES)
                    .figure("wait_room_admission_p90", Label.of("候诊至接诊（第90百分位）",
                            "Waiting room to admission (90th percentile)"), round1(p90(waitingToAdmission)), Unit.MINUTES)
                    .figure("duration_median", Label.of("问诊时长（中位数）", "Consultation duration (median)"),
                            round1(median(durations)), Unit.MINUTES)
                    .figure("duration_p90", Label.of("问诊时长（第90百分位）", "Consultation duration (90th percentile)"),
                            round1(p90(durations)), Unit.MINUTES)
                    .figure("pauses", Label.of("监护人离开暂停次数", "Guardian-presence pauses"), pauses[0], Unit.COUNT)
                    .figure("paused_consultations", Label.of("有暂停的问诊", "Consultations with a pause"), pauses[1], Unit.COUNT);

            Table.Builder perMonth = Table.builder("by-month", Label.of("按月问诊", "Consultations per month"))
                    .column("month", Label.of("月份", "Month"), Unit.TEXT);
            countColumns(perMonth);
            for (int i = 0; i < months.size(); i++) {
                Counts k = byMonth.getOrDefault(i, new Counts());
                perMonth.row(countRow(months.get(i).toString(), null, k));
            }
            out.table(perMonth.build()).chart(ChartType.LINE, Label.of("每月问诊", "Consultations per month"),
                    "by-month", "month", "total", "completed", "referred");

            Table.Builder perGroup = Table.builder("by-specialty-institution",
                    Label.of("按专科和机构", "Per specialty and institution"))
                    .column("specialty", Label.of("专科", "Specialty"), Unit.TEXT)
                    .column("institution", Label.of("机构", "Institution"), Unit.TEXT);
            countColumns(perGroup);
            byGroup.forEach((key, k) -> perGroup.row(countRow(key.get(0),
                    key.get(1) == null ? ReportSql.UNASSIGNED : key.get(1), k)));
            out.table(perGroup.build());

            out.table(Table.builder("outcomes", Label.of("问诊结果", "Outcomes"))
                    .column("outcome", Label.of("结果", "Outcome"), Unit.TEXT)
                    .column("count", Label.of("数量", "Count"), Unit.COUNT)
                    .column("percent", Label.of("占比", "Share"), Unit.PERCENT)
                    .row(Label.of("已完成", "completed"), all.completed, percent(all.completed, all.total))
                    .row(Label.of("分诊转诊", "referred at triage"), all.referredTriage, percent(all.referredTriage, all.total))
                    .row(Label.of("结束并转诊", "ended and referred"), all.referredSession, percent(all.referredSession, all.total))
                    .row(Label.of("已取消", "cancelled"), all.cancelled, percent(all.cancelled, all.total))
                    .row(Label.of("爽约", "no-show"), all.noShow, percent(all.noShow, all.total))
                    .row(Label.of("进行中/未结束", "open"), all.open, percent(all.open, all.total))
                    .build())
               .chart(ChartType.BAR, Label.of("问诊结果", "Outcomes"), "outcomes", "outcome", "count");

            Table.Builder tri = Table.builder("triage", Label.of("分诊结果", "Triage outcomes"))
                    .column("level", Label.of("分诊级别", "Triage level"), Unit.TEXT)
                    .column("count", Label.of("数量", "Count"), Unit.COUNT)
                    .column("percent", Label.of("占比", "Share"), Unit.PERCENT);
            for (String level : List.of("REMOTE_OK", "IN_PERSON", "EMERGENCY")) {
                long n = triage.getOrDefault(level, 0L);
                tri.row(ReportSql.triage(level), n, percent(n, assessed[0]));
            }
            out.table(tri.build());

            out.table(reasonsTable(reasons));

            out.table(Table.builder("times", Label.of("等待与问诊时长", "Waiting times and durations"))
                    .column("measure", Label.of("指标", "Measure"), Unit.TEXT)
                    .column("n", Label.of("问诊数", "Consultations"), Unit.COUNT)
                    .column("median", Label.of("中位数", "Median"), Unit.MINUTES)
                    .column("p90", Label.of("第90百分位", "90th percentile"), Unit.MINUTES)
                    .row(Label.of("预约至开始", "booking to start"), bookingToStart.size(), round1(median(bookingToStart)),
                            round1(p90(bookingToStart)))
                    .row(Label.of("候诊至接诊", "waiting room to admission"), waitingToAdmission.size(),
                            round1(median(waitingToAdmission)), round1(p90(waitingToAdmission)))
                    .row(Label.of("问诊时长（开始至完成）", "duration (start to completion)"), durations.size(),
                            round1(median(durations)), round1(p90(durations)))
                    .build());

            out.note(Label.of("统计对象为本期内创建（申请）的问诊；月份按试点时区（北京时间）计。",
                    "Counts cover the consultations created (requested) in the period; months are in the pilot's time zone (Beijing time)."))
               .note(Label.of("机构为接诊医生所属机构；尚未预约医生的问诊计为“未分配”。",
                    "Institution is the booked physician's institution; consultations without a physician are \"unassigned\"."))
               .note(Label.of("分诊转诊率 = 分诊转诊数 / 有分诊的问诊数；问诊中转诊率 = 结束并转诊数 / （已完成 + 结束并转诊）。",
                    "Referral rate at triage = referred at triage / triaged consultations; referral rate of ended sessions = ended and referred / (completed + ended and referred)."))
               .note(Label.of("预约至开始：创建至首次进入问诊中；候诊至接诊：进入候诊室至医生接诊；时长：首次开始至完成。百分位为最近秩法，单位分钟。",
                    "Booking to start: creation to first start of the session; waiting room to admission: entering the waiting room to the physician's admission; duration: first start to completion. Percentiles by nearest rank, in minutes."))
               .note(Label.of("暂停：监护人离开导致问诊暂停的次数。转诊原因为分诊或医生填写的原文，只显示出现至少3次的前10项（自由文本可能含个人信息），其余计为“其他”。",
                    "Pauses: times a session paused because the guardian left. Referral reasons are the triage's or the physician's text; only the top 10 given at least 3 times are shown (free text may hold personal details), the rest as \"other\"."));
            return out.build();
        });
    }

    static Table reasonsTable(Map<String, long[]> reasons) {
        List<Map.Entry<String, long[]>> sorted = new ArrayList<>(reasons.entrySet());
        sorted.sort((a, b) -> {
            int s = Long.compare(b.getValue()[0] + b.getValue()[1], a.getValue()[0] + a.getValue()[1]);
            return s != 0 ? s : a.getKey().compareTo(b.getKey());
        });
        Table.Builder t = Table.builder("referral-reasons", Label.of("转诊原因", "Referral reasons"))
                .column("reason", Label.of("原因", "Reason"), Unit.TEXT)
                .column("triage", Label.of("分诊转诊", "At triage"), Unit.COUNT)
                .column("session", Label.of("结束并转诊", "Ended and referred"), Unit.COUNT)
                .column("total", Label.of("合计", "Total"), Unit.COUNT);
        long[] other = new long[2];
        for (int i = 0; i < sorted.size(); i++) {
            long[] n = sorted.get(i).getValue();
            if (i < 10 && n[0] + n[1] >= ReportSql.MIN_REASON_COUNT) {
                t.row(ReportSql.reason(sorted.get(i).getKey()), n[0], n[1], n[0] + n[1]);
            } else {
                other[0] += n[0];
                other[1] += n[1];
            }
        }
        if (other[0] + other[1] > 0) {
            t.row(ReportSql.OTHER, other[0], other[1], other[0] + other[1]);
        }
        return t.build();
    }

    private static void countColumns(Table.Builder t) {
        t.column("total", Label.of("合计", "Total"), Unit.COUNT)
                .column("initial", Label.of("初诊", "Initial"), Unit.COUNT)
                .column("follow_up", Label.of("复诊", "Follow-up"), Unit.COUNT)
                .column("completed", Label.of("已完成", "Completed"), Unit.COUNT)
                .column("referred", Label.of("已转诊", "Referred"), Unit.COUNT)
                .column("cancelled", Label.of("已取消", "Cancelled"), Unit.COUNT)
                .column("no_show", Label.of("爽约", "No-show"), Unit.COUNT)
                .column("open", Label.of("未结束", "Open"), Unit.COUNT);
    }

    private static Object[] countRow(Object first, Object second, Counts k) {
        List<Object> row = new ArrayList<>();
        row.add(first);
        if (second != null) {
            row.add(second);
        }
        row.addAll(List.of(k.total, k.initial, k.followUp, k.completed, k.referred, k.cancelled, k.noShow, k.open));
        return row.toArray();
    }

    private static int nullsLast(String a, String b) {
        if (a == null) {
            return b == null ? 0 : 1;
        }
        return b == null ? -1 : a.compareTo(b);
    }

    private static double minutes(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 60_000.0;
    }

    private static Double median(List<Double> values) {
        return ReportSql.percentile(values.stream().mapToDouble(Double::doubleValue).toArray(), 50);
    }

    private static Double p90(List<Double> values) {
        return ReportSql.percentile(values.stream().mapToDouble(Double::doubleValue).toArray(), 90);
    }
}
