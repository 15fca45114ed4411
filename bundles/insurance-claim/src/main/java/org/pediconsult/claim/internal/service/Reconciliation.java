package org.pediconsult.claim.internal.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.claim.api.ClaimDTO;
import org.pediconsult.claim.api.ClaimState;
import org.pediconsult.claim.internal.store.ClaimStore;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.AuditTrail;
import org.pediconsult.platform.api.data.Tx;
import org.pediconsult.platform.api.security.AuthenticatedUser;

/**
 * Per period, institution and specialty: claims, claimed, accepted, paid, outstanding (accepted not yet paid), in
 * yuan: every submitted version counts (an original and its credit or adjustment versions), not a rejected version that
 * was resubmitted, nor a qualified one not yet submitted.
 */
@Component(service = Reconciliation.class)
public class Reconciliation {
    private final Tx tx;
    private final AuditTrail audit;
    private final ClaimStore store = new ClaimStore();

    @Activate
    public Reconciliation(@Reference(target = "(dataSourceName=pediconsult)") DataSource dataSource, @Reference AuditTrail audit) {
        this.tx = new Tx(dataSource);
        this.audit = audit;
    }

    public record Row(String institution, String specialtyId, int claims, BigDecimal claimed, BigDecimal accepted,
                      BigDecimal paid, BigDecimal outstanding) {
    }

    public Map<String, Object> of(AuthenticatedUser user, LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from) || from.plusDays(366).isBefore(to)) {
            throw ProblemException.badField("from", "from and to (YYYY-MM-DD), to not before from, at most a year apart");
        }
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        List<ClaimDTO> all = tx.read(c -> store.createdBetween(c, from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant(), 100_000));
        // every claimed version counts (an original and its corrections), except a rejected one that was resubmitted
        Map<String, Integer> newest = new LinkedHashMap<>();
        for (ClaimDTO k : all) {
            newest.merge(k.consultationId, k.version, Math::max);
        }
        List<ClaimDTO> counted = new ArrayList<>();
        for (ClaimDTO k : all) {
            if (k.state == ClaimState.QUALIFIED || (k.state == ClaimState.REJECTED && k.version < newest.get(k.consultationId))) {
                continue;
            }
            counted.add(k);
        }
        Map<String, BigDecimal[]> sums = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        BigDecimal[] total = zeros();
        int claims = 0;
        for (ClaimDTO k : counted) {
            if (k.state == ClaimState.INELIGIBLE || k.state == ClaimState.DRAFT) {
                continue;
            }
            String key = (k.institution == null ? "-" : k.institution) + "|" + (k.specialtyId == null ? "-" : k.specialtyId);
            BigDecimal[] s = sums.computeIfAbsent(key, x -> zeros());
            BigDecimal claimed = k.claimed;
            boolean accepted = k.state == ClaimState.ACCEPTED || k.state == ClaimState.ADJUDICATED || k.state == ClaimState.RECONCILED;
            BigDecimal paid = k.paid == null ? BigDecimal.ZERO.setScale(2) : k.paid;
            BigDecimal outstanding = accepted && k.paid == null ? claimed : BigDecimal.ZERO.setScale(2);
            add(s, claimed, accepted ? claimed : BigDecimal.ZERO, paid, outstanding);
            add(total, claimed, accepted ? claimed : BigDecimal.ZERO, paid, outstanding);
            counts.merge(key, 1, Integer::sum);
            claims++;
        }
        List<Row> rows = new ArrayList<>();
        sums.forEach((key, s) -> {
            String[] parts = key.split("\\|", 2);
            rows.add(new Row(parts[0], parts[1], counts.get(key), s[0], s[1], s[2], s[3]));
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", from.toString());
        out.put("to", to.toString());
        out.put("rows", rows);
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("claims", claims);
        totals.put("claimed", total[0]);
        totals.put("accepted", total[1]);
        totals.put("paid", total[2]);
        totals.put("outstanding", total[3]);
        out.put("totals", totals);
        audit.record(new AuditEntry(user.username(), AuditEntry.Action.READ, "claim-reconciliation", from + ".." + to, null,
                claims + " claims"));
        return out;
    }

    /** The same as CSV (UTF-8, a header line; amounts in yuan). */
    @SuppressWarnings("unchecked")
    public String csv(AuthenticatedUser user, LocalDate from, LocalDate to) {
        Map<String, Object> r = of(user, from, to);
        StringBuilder b = new StringBuilder("institution,specialty,claims,claimed,accepted,paid,outstanding\n");
        for (Row row : (List<Row>) r.get("rows")) {
            b.append(csv(row.institution())).append(',').append(csv(row.specialtyId())).append(',').append(row.claims()).append(',')
                    .append(row.claimed()).append(',').append(row.accepted()).append(',').append(row.paid()).append(',')
                    .append(row.outstanding()).append('\n');
        }
        audit.record(new AuditEntry(user.username(), AuditEntry.Action.EXPORT, "claim-reconciliation", from + ".." + to, null, "csv"));
        return b.toString();
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static BigDecimal[] zeros() {
        BigDecimal z = BigDecimal.ZERO.setScale(2);
        return new BigDecimal[] {z, z, z, z};
    }

    private static void add(BigDecimal[] s, BigDecimal... v) {
        for (int i = 0; i < v.length; i++) {
            s[i] = s[i].add(v[i]);
        }
    }
}
