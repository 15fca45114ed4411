package org.pediconsult.pharmacy.internal.delivery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.pharmacy.api.DeliveryDTO;
import org.pediconsult.pharmacy.api.DeliveryState;
import org.pediconsult.pharmacy.internal.delivery.rules.ColdChainPolicy;
import org.pediconsult.pharmacy.internal.store.DeliveryStore;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.AuditTrail;
import org.pediconsult.platform.api.event.EventOutbox;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Temperature readings of a cold-chain parcel, posted by the courier's logger in batches: idempotent by
 * reading id (a resent batch adds nothing twice). The first reading outside the range marks the parcel
 * ({@code excursion}), raises {@code pharmacy.cold-chain-alarm} (event, audit, warning in the log with the
 * delivery id only), and from then on the parcel cannot be handed over, only refused and returned.
 */
@Component(service = ColdChain.class)
public class ColdChain {
    private static final Logger LOG = LoggerFactory.getLogger(ColdChain.class);
    private final DeliveryOrders orders;
    private final LogisticsSettings settings;
    private final EventOutbox outbox;
    private final AuditTrail audit;

    @Activate
    public ColdChain(@Reference DeliveryOrders orders, @Reference LogisticsSettings settings, @Reference EventOutbox outbox,
                     @Reference AuditTrail audit) {
        this.orders = orders;
        this.settings = settings;
        this.outbox = outbox;
        this.audit = audit;
    }

    /** What an upload did. */
    public record Upload(int accepted, int duplicates, boolean excursion) {
    }

    public Upload record(AuthenticatedUser courier, String deliveryId, List<ColdChainPolicy.Reading> readings) {
        if (readings == null || readings.isEmpty() || readings.size() > settings.maxReadingsPerUpload()) {
            throw ProblemException.badField("readings", "1 to " + settings.maxReadingsPerUpload() + " readings per upload");
        }
        Optional<ColdChainPolicy.Invalid> invalid = ColdChainPolicy.invalid(readings, orders.now());
        if (invalid.isPresent()) {
            ColdChainPolicy.Invalid i = invalid.get();
            throw ProblemException.badField("readings[" + i.index() + "]." + i.field(), i.messageEn() + " / " + i.messageZh());
        }
        for (ColdChainPolicy.Reading r : readings) {
            if (r.readingId().length() > 64) {
                throw ProblemException.badField("readingId", "at most 64 characters");
            }
        }
        DeliveryStore store = orders.store();
        return orders.tx().inTransaction(c -> {
            DeliveryDTO d = orders.couriers(c, courier, deliveryId);
            if (!d.coldChain) {
                throw ProblemException.conflict("not_cold_chain", "this parcel has no cold-chain items");
            }
            if (d.state != DeliveryState.AWAITING_PICKUP && d.state != DeliveryState.IN_TRANSIT
                    && d.state != DeliveryState.FAILED_ATTEMPT && d.state != DeliveryState.REFUSED) {
                throw ProblemException.conflict("not_carried", "readings are for a parcel the courier carries");
            }
            int accepted = 0;
            java.util.List<ColdChainPolicy.Reading> added = new java.util.ArrayList<>();
            for (ColdChainPolicy.Reading r : readings) {
                boolean in = ColdChainPolicy.inRange(r.celsius(), settings.coldMin(), settings.coldMax());
                if (store.insertReading(c, d.id, r.readingId(), r.at(), r.celsius(), in, orders.now())) {
                    accepted++;
                    added.add(r);
                    if (d.lastReadingAt == null || r.at().isAfter(d.lastReadingAt)) {
                        d.lastReadingAt = r.at();
                        d.lastTemperatureC = r.celsius();
                    }
                }
            }
            Optional<ColdChainPolicy.Reading> out = ColdChainPolicy.firstExcursion(added, settings.coldMin(), settings.coldMax());
            boolean alarm = out.isPresent() && !d.excursion;
            if (alarm) {
                d.excursion = true;
                ColdChainPolicy.Reading r = out.get();
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("deliveryId", d.id);
                data.put("readingId", r.readingId());
                data.put("celsius", r.celsius());
                data.put("at", r.at().toString());
                outbox.append(c, outbox.newEvent("pharmacy", "cold-chain-alarm", 1, d.id, DeliveryWriter.json(data)));
                audit.record(c, new AuditEntry(courier.username(), AuditEntry.Action.UPDATE, "delivery", d.id, d.childId,
                        "cold-chain alarm: " + r.celsius() + " °C at " + r.at()));
                LOG.warn("cold-chain alarm: delivery {} read {} °C (allowed {}-{} °C); it cannot be handed over", d.id,
                        r.celsius(), settings.coldMin(), settings.coldMax());
            }
            if (accepted > 0) {
                d.updatedAt = orders.now();
                orders.writer().write(c, d, d.state, courier.username(), accepted + " readings", d.updatedAt);
            }
            return new Upload(accepted, readings.size() - accepted, d.excursion);
        });
    }

    /** The parcel's readings, oldest first (at most 5,000). */
    public List<DeliveryStore.Reading> readings(AuthenticatedUser user, String deliveryId) {
        List<DeliveryStore.Reading> list = orders.tx().read(c -> {
            orders.visible(c, user, deliveryId);
            return orders.store().readings(c, deliveryId, 5_000);
        });
        audit.record(new AuditEntry(user.username(), AuditEntry.Action.READ, "delivery-readings", deliveryId, null,
                list.size() + " readings"));
        return list;
    }
}
