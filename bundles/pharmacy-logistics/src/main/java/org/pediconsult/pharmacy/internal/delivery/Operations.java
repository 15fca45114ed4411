package org.pediconsult.pharmacy.internal.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.pharmacy.api.DeliveryDTO;
import org.pediconsult.pharmacy.api.DeliveryState;
import org.pediconsult.pharmacy.api.RefusalReason;
import org.pediconsult.pharmacy.internal.store.DeliveryStore;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.AuditTrail;
import org.pediconsult.platform.api.security.AuthenticatedUser;

/** What operations watch: orders by state, order-to-door times, failed and refused deliveries, cold-chain alarms. */
@Component(service = Operations.class)
public class Operations {
    static final int MAX_DAYS = 366;
    private final DeliveryOrders orders;
    private final LogisticsSettings settings;
    private final AuditTrail audit;

    @Activate
    public Operations(@Reference DeliveryOrders orders, @Reference LogisticsSettings settings, @Reference AuditTrail audit) {
        this.orders = orders;
        this.settings = settings;
        this.audit = audit;
    }

    /** Figures for orders created from {@code from} to {@code to} (days, both included, at most a year). */
    public Map<String, Object> figures(AuthenticatedUser user, LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
            throw ProblemException.badField("from", "from and to (YYYY-MM-DD), to not before from, at most a year apart");
        }
        ZoneId zone = ZoneId.of(settings.zone());
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        List<DeliveryDTO> created = orders.tx().read(c -> orders.store().createdBetween(c, start, end, 100_000));
        List<DeliveryStore.Reading> alarms = orders.tx().read(c -> orders.store().alarms(c, start, end, 1_000));
        Map<DeliveryState, Integer> byState = new EnumMap<>(DeliveryState.class);
        Map<RefusalReason, Integer> refused = new EnumMap<>(RefusalReason.class);
        List<Long> minutes = new ArrayList<>();
        int failedAttempts = 0;
        for (DeliveryDTO d : created) {
            byState.merge(d.state, 1, Integer::sum);
            failedAttempts += d.attempts;
            if (d.refusalReason != null) {
                refused.merge(d.refusalReason, 1, Integer::sum);
            }
            if (d.deliveredAt != null) {
                minutes.add(Duration.between(d.createdAt, d.deliveredAt).toMinutes());
            }
        }
        minutes.sort(null);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", from.toString());
        out.put("to", to.toString());
        out.put("orders", created.size());
        out.put("byState", byState);
        out.put("delivered", minutes.size());
        Map<String, Object> times = new LinkedHashMap<>();
        times.put("p50", percentile(minutes, 50));
        times.put("p90", percentile(minutes, 90));
        times.put("max", minutes.isEmpty() ? null : minutes.get(minutes.size() - 1));
        out.put("orderToDoorMinutes", times);
        out.put("failedAttempts", failedAttempts);
        out.put("refused", refused);
        List<Map<String, Object>> alarmList = new ArrayList<>();
        for (DeliveryStore.Reading r : alarms) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("deliveryId", r.deliveryId());
            a.put("readingId", r.readingId());
            a.put("at", r.at().toString());
            a.put("celsius", r.celsius());
            alarmList.add(a);
        }
        out.put("alarms", alarmList);
        audit.record(new AuditEntry(user.username(), AuditEntry.Action.READ, "delivery-operations", from + ".." + to, null,
                created.size() + " orders"));
        return out;
    }

    /** Nearest-rank percentile, null for none. */
    static Long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
