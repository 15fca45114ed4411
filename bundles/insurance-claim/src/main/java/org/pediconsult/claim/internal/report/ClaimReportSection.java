package org.pediconsult.claim.internal.report;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.claim.api.ClaimState;
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
 * Insurance claims for the pilot report, from {@code claim_claim} (one row per claim version). States: each
 * claim (a consultation's claim) once, in the state of its latest version, in the month its first version was
 * created. Amounts: as the billing office's reconciliation, every version that was claimed (not a qualified one
 * not yet submitted, not an ineligible one, not a rejected one that was resubmitted), by its own creation month.
 */
@Component(service = ReportSection.class)
public class ClaimReportSection implements ReportSection {
    private static final String MODULE = "claim";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Insurer reasons are shown only when at least this many rejections gave the same text (no one-off texts). */
    static final int MIN_SHARED = 2;
    private static final int MAX_INSURER_REASONS = 10;
    static final List<ClaimState> STATES = List.of(ClaimState.QUALIFIED, ClaimState.INELIGIBLE, ClaimState.SUBMITTED,
            ClaimState.ACCEPTED, ClaimState.REJECTED, ClaimState.ADJUDICATED);

    /**
     * The qualification rules (internal/qualification) and the English sentences their reasons begin or end with:
     * claim versions store the reasons' English texts (reasons_json), not the rules' names, so a reason is told
     * by its sentence. Keep in step with the rules' texts.
     */
    record Rule(String name, Label label, List<String> patterns) {
    }

    static final List<Rule> RULES = List.of(
            new Rule("completed-consultation", Label.of("问诊未完成（转诊、取消、爽约）", "Consultation not completed (referred, cancelled, no-show)"),
                    List.of("%ended and referred: not claimed%", "%referred at triage: no consultation%", "%\"cancelled\"%",
                            "%\"no-show\"%", "%not completed (state %")),
            new Rule("pilot-institution", Label.of("非试点定点机构", "Not a designated pilot institution"),
                    List.of("% is not a designated pilot institution%", "%institution unknown (no physician)%")),
            new Rule("pilot-specialty", Label.of("非试点专科", "Not a pilot specialty"), List.of("% is not a pilot specialty%")),
            new Rule("pilot-window", Label.of("不在试点期内", "Outside the pilot window"),
                    List.of("% is outside the pilot window %", "%the pilot window % cannot be checked%")),
            new Rule("white-listed-physician", Label.of("医生不在试点白名单", "Physician not on the pilot white-list"),
                    List.of("%the physician is not on the pilot white-list%")),
            new Rule("practice-years", Label.of("医生执业年限不足", "Physician's years of practice under the minimum"),
                    List.of("% full years (since %", "% years of practice cannot be checked%")),
            new Rule("guardian-presence", Label.of("未确认监护人在场", "Guardian's presence not attested"),
                    List.of("%the guardian''s presence was not attested%")),
            new Rule("coverage-known", Label.of("无有效医保信息", "No valid coverage known"),
                    List.of("%no insurance coverage is known for the child%", "%the coverage''s validity cannot be checked%",
                            "%the coverage is not valid on %")),
            new Rule("pooling-region", Label.of("异地参保，未开通异地结算", "Insured in another pooling region"),
                    List.of("%the coverage''s pooling region is unknown%", "%cross-region settlement is not configured%")));

    private final Tx tx;

    @Activate
    public ClaimReportSection(@Reference(target = "(dataSourceName=pediconsult)") DataSource dataSource,
                              @Reference SchemaMigrations migrations, BundleContext context) {
        migrations.migrate(context.getBundle(), MODULE);
        this.tx = new Tx(dataSource);
    }

    ClaimReportSection(Tx tx) {
        this.tx = tx;
    }

    @Override
    public String id() {
        return "claims";
    }

    @Override
    public Label title() {
        return Label.of("医保结算", "Insurance claims");
    }

    @Override
    public int order() {
        return 600;
    }

    @Override
    public SectionContent compute(ReportPeriod period) {
        return tx.read(c -> compute(c, period));
    }

    /** The latest version {@code l} of each claim whose first version {@code f} was created in the period. */
    private static final String LATEST_OF_PERIOD = "FROM claim_claim f JOIN claim_claim l ON l.consultation_id = f.consultation_id "
            + "AND NOT EXISTS (SELECT 1 FROM claim_claim n WHERE n.consultation_id = l.consultation_id AND n.version > l.version) "
            + "WHERE f.version = 1 AND f.created_at >= ? AND f.created_at < ?";

    private SectionContent compute(Connection c, ReportPeriod period) throws SQLException {
        MonthBuckets months = new MonthBuckets(period);
        int n = months.size();

        // states: each claim once (its latest version), by the month of its first version, per payer
        long[][] statesByMonth = new long[n][STATES.size() + 1];
        Map<String, long[]> byPayer = new TreeMap<>(); // claims, accepted or adjudicated, rejected, then amounts below
        try (PreparedStatement ps = c.prepareStatement("SELECT m, payer, state, COUNT(*) FROM (SELECT "
                + months.caseOf("f.created_at") + " AS m, l.payer, l.state " + LATEST_OF_PERIOD + ") t GROUP BY m, payer, state")) {
            months.bindPeriod(ps, months.bind(ps, 1));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int m = rs.getInt(1);
                    String payer = payerKey(rs.getString(2));
                    String state = rs.getString(3);
                    long count = rs.getLong(4);
                    int column = STATES.stream().map(Enum::name).toList().indexOf(state);
                    statesByMonth[m][0] += count;
                    if (column >= 0) {
                        statesByMonth[m][column + 1] += count;
                    }
                    long[] p = byPayer.computeIfAbsent(payer, k -> new long[3]);
                    p[0] += count;
                    if (ClaimState.ACCEPTED.name().equals(state) || ClaimState.ADJUDICATED.name().equals(state)
                            || ClaimState.RECONCILED.name().equals(state)) {
                        p[1] += count;
                    } else if (ClaimState.REJECTED.name().equals(state)) {
                        p[2] += count;
                    }
                }
            }
        }

        // amounts, as the reconciliation counts them: every claimed version by its own creation month
        BigDecimal[][] amountsByMonth = new BigDecimal[n][];
        Map<String, BigDecimal[]> amountsByPayer = new TreeMap<>();
        BigDecimal[] total = {ZERO, ZERO};
        try (PreparedStatement ps = c.prepareStatement("SELECT m, payer, SUM(claimed), SUM(paid) FROM (SELECT "
                + months.caseOf("k.created_at") + " AS m, k.payer, k.claimed, k.paid FROM claim_claim k "
                + "WHERE k.created_at >= ? AND k.created_at < ? AND k.state NOT IN ('" + ClaimState.DRAFT + "', '"
                + ClaimState.QUALIFIED + "', '" + ClaimState.INELIGIBLE + "') AND NOT (k.state = '" + ClaimState.REJECTED
                + "' AND EXISTS (SELECT 1 FROM claim_claim n WHERE n.consultation_id = k.consultation_id "
                + "AND n.version > k.version))) t GROUP BY m, payer")) {
            months.bindPeriod(ps, months.bind(ps, 1));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int m = rs.getInt(1);
                    BigDecimal claimed = zeroIfNull(rs.getBigDecimal(3));
                    BigDecimal paid = zeroIfNull(rs.getBigDecimal(4));
                    amountsByMonth[m] = add(amountsByMonth[m], claimed, paid);
                    amountsByPayer.merge(payerKey(rs.getString(2)), new BigDecimal[] {claimed, paid},
                            (a, b) -> add(a, b[0], b[1]));
                    total = add(total, claimed, paid);
                }
            }
        }

        // ineligibility reasons of the claims whose latest version is INELIGIBLE, per rule (a claim may fail several)
        StringBuilder sums = new StringBuilder();
        for (Rule rule : RULES) {
            sums.append(", SUM(CASE WHEN ");
            for (int i = 0; i < rule.patterns().size(); i++) {
                sums.append(i == 0 ? "" : " OR ").append("reasons LIKE '").append(rule.patterns().get(i)).append("'");
            }
            sums.append(" THEN 1 ELSE 0 END)");
        }
        long[] ineligibleByRule = new long[RULES.size()];
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*)" + sums + " FROM (SELECT l.reasons_json AS reasons "
                + LATEST_OF_PERIOD + " AND l.state = '" + ClaimState.INELIGIBLE + "') t")) {
            months.bindPeriod(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                for (int i = 0; i < RULES.size(); i++) {
                    ineligibleByRule[i] = rs.getLong(i + 2);
                }
            }
        }

        // the insurer's reasons of the versions rejected (created in the period), the same text grouped
        List<Object[]> insurer = new ArrayList<>();
        long otherRejections = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT insurer_reasons_json, COUNT(*) FROM claim_claim "
                + "WHERE state = '" + ClaimState.REJECTED + "' AND created_at >= ? AND created_at < ? "
                + "GROUP BY insurer_reasons_json ORDER BY COUNT(*) DESC, insurer_reasons_json")) {
            months.bindPeriod(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String text = reasonsText(rs.getString(1));
                    long count = rs.getLong(2);
                    if (count >= MIN_SHARED && text != null && insurer.size() < MAX_INSURER_REASONS) {
                        insurer.add(new Object[] {text, count});
                    } else {
                        otherRejections += count;
                    }
                }
            }
        }

        Table.Builder monthly = Table.builder("claims-by-month", Label.of("每月医保申报", "Claims per month"))
                .column("month", Label.of("月份", "Month"), Unit.TEXT)
                .column("claims", Label.of("申报（按问诊计）", "Claims (one per consultation)"), Unit.COUNT);
        for (ClaimState s : STATES) {
            monthly.column(s.name().toLowerCase(java.util.Locale.ROOT), stateLabel(s), Unit.COUNT);
        }
        monthly.column("claimed_yuan", Label.of("申报金额", "Claimed"), Unit.YUAN)
                .column("paid_yuan", Label.of("实付金额", "Paid"), Unit.YUAN);
        long claimsTotal = 0;
        long[] stateTotals = new long[STATES.size()];
        for (int m = 0; m < n; m++) {
            Object[] row = new Object[STATES.size() + 4];
            row[0] = months.label(m);
            row[1] = statesByMonth[m][0];
            claimsTotal += statesByMonth[m][0];
            for (int s = 0; s < STATES.size(); s++) {
                row[s + 2] = statesByMonth[m][s + 1];
                stateTotals[s] += statesByMonth[m][s + 1];
            }
            BigDecimal[] a = amountsByMonth[m] == null ? new BigDecimal[] {ZERO, ZERO} : amountsByMonth[m];
            row[STATES.size() + 2] = a[0];
            row[STATES.size() + 3] = a[1];
            monthly.row(row);
        }

        Table.Builder payers = Table.builder("claims-by-payer", Label.of("按付款方", "By payer"))
                .column("payer", Label.of("付款方", "Payer"), Unit.TEXT)
                .column("claims", Label.of("申报（按问诊计）", "Claims (one per consultation)"), Unit.COUNT)
                .column("accepted", Label.of("已受理或已结算", "Accepted or adjudicated"), Unit.COUNT)
                .column("rejected", Label.of("被拒", "Rejected"), Unit.COUNT)
                .column("claimed_yuan", Label.of("申报金额", "Claimed"), Unit.YUAN)
                .column("paid_yuan", Label.of("实付金额", "Paid"), Unit.YUAN);
        java.util.Set<String> payerKeys = new java.util.TreeSet<>(byPayer.keySet());
        payerKeys.addAll(amountsByPayer.keySet());
        for (String payer : payerKeys) {
            long[] p = byPayer.getOrDefault(payer, new long[3]);
            BigDecimal[] a = amountsByPayer.getOrDefault(payer, new BigDecimal[] {ZERO, ZERO});
            payers.row(payerCell(payer), p[0], p[1], p[2], a[0], a[1]);
        }

        Table.Builder reasons = Table.builder("claims-reasons", Label.of("不符合条件与被拒的原因", "Ineligibility and rejection reasons"))
                .column("kind", Label.of("类别", "Kind"), Unit.TEXT)
                .column("reason", Label.of("原因", "Reason"), Unit.TEXT)
                .column("count", Label.of("申报数", "Claims"), Unit.COUNT);
        Label ineligible = Label.of("不符合医保条件", "Ineligible");
        for (int i = 0; i < RULES.size(); i++) {
            reasons.row(ineligible, RULES.get(i).label(), ineligibleByRule[i]);
        }
        Label rejectedKind = Label.of("医保方拒付", "Rejected by the insurer");
        for (Object[] r : insurer) {
            reasons.row(rejectedKind, Label.plain((String) r[0]), r[1]);
        }
        if (otherRejections > 0) {
            reasons.row(rejectedKind, Label.of("其他原因（仅出现一次的说明不列出）", "Other reasons (texts given only once are not listed)"),
                    otherRejections);
        }

        return SectionContent.builder()
                .figure("claims", Label.of("医保申报（按问诊计）", "Claims (one per consultation)"), claimsTotal, Unit.COUNT)
                .figure("ineligible", Label.of("不符合医保条件", "Ineligible"), stateTotals[STATES.indexOf(ClaimState.INELIGIBLE)],
                        Unit.COUNT)
                .figure("rejected", Label.of("被医保方拒付（当前）", "Rejected by the insurer (now)"),
                        stateTotals[STATES.indexOf(ClaimState.REJECTED)], Unit.COUNT)
                .figure("claimed_yuan", Label.of("申报金额", "Claimed"), total[0], Unit.YUAN)
                .figure("paid_yuan", Label.of("实付金额", "Paid"), total[1], Unit.YUAN)
                .table(monthly.build())
                .table(payers.build())
                .table(reasons.build())
                .chart(ChartType.BAR, Label.of("每月申报与实付金额", "Claimed and paid per month"), "claims-by-month", "month",
                        "claimed_yuan", "paid_yuan")
                .note(Label.of("申报按问诊计一次：状态取最新版本（重新申报、更正均为新版本），按第一个版本的创建月份计入。",
                        "Each claim (one per consultation) is counted once, in the state of its latest version (a "
                        + "resubmission or a correction is a new version), in the month its first version was created."))
                .note(Label.of("金额与对账一致：每个已申报的版本（原始及更正版本，冲销为负数）按其创建月份计入；未提交的、不符合条件的、"
                        + "被拒后已重新申报的版本不计。",
                        "Amounts as in the reconciliation: every claimed version (an original and its corrections, a credit "
                        + "negative) in the month it was created; not a qualified one not yet submitted, not an ineligible one, "
                        + "not a rejected one that was resubmitted."))
                .note(Label.of("一个申报可能同时不符合多项条件。医保方的拒付说明按原文列出，仅列出至少 " + MIN_SHARED + " 个被拒版本共有的说明。",
                        "A claim may fail several rules. The insurer's rejection reasons are shown as the insurer wrote them, "
                        + "only those shared by at least " + MIN_SHARED + " rejected versions."))
                .build();
    }

    static Label stateLabel(ClaimState s) {
        return switch (s) {
            case DRAFT -> Label.of("草稿", "Draft");
            case QUALIFIED -> Label.of("符合条件", "Qualified");
            case INELIGIBLE -> Label.of("不符合条件", "Ineligible");
            case SUBMITTED -> Label.of("已提交", "Submitted");
            case ACCEPTED -> Label.of("已受理", "Accepted");
            case REJECTED -> Label.of("被拒", "Rejected");
            case ADJUDICATED -> Label.of("已结算", "Adjudicated");
            case RECONCILED -> Label.of("已对账", "Reconciled");
        };
    }

    private static final String NO_PAYER = "";
    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private static String payerKey(String payer) {
        return payer == null ? NO_PAYER : payer;
    }

    private static Object payerCell(String key) {
        return NO_PAYER.equals(key) ? Label.of("付款方未定", "Payer not known") : key;
    }

    /** The insurer's reasons (a JSON array of texts) as one text, at most 200 characters. */
    static String reasonsText(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        String text;
        try {
            text = String.join("; ", JSON.readValue(json, new TypeReference<List<String>>() { }));
        } catch (Exception e) {
            text = json;
        }
        text = text.strip();
        return text.isEmpty() ? null : text.length() <= 200 ? text : text.substring(0, 199) + "…";
    }

    private static BigDecimal zeroIfNull(BigDecimal v) {
        return v == null ? ZERO : v;
    }

    private static BigDecimal[] add(BigDecimal[] sum, BigDecimal claimed, BigDecimal paid) {
        return sum == null ? new BigDecimal[] {claimed, paid} : new BigDecimal[] {sum[0].add(claimed), sum[1].add(paid)};
    }
}
