package org.pediconsult.pharmacy.internal.delivery;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.pediconsult.pharmacy.api.DeliveryDTO;
import org.pediconsult.pharmacy.api.DeliveryState;
import org.pediconsult.pharmacy.internal.store.DeliveryStore;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.AuditTrail;
import org.pediconsult.platform.api.event.EventOutbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes a delivery's change in the caller's transaction with its step, its event
 * ({@code pharmacy.delivery-<state>}) and its audit entry: every state change is all four, or nothing.
 */
public final class DeliveryWriter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final DeliveryStore store;
    private final EventOutbox outbox;
    private final AuditTrail audit;

    public DeliveryWriter(DeliveryStore store, EventOutbox outbox, AuditTrail audit) {
        this.store = store;
        this.outbox = outbox;
        this.audit = audit;
    }

    /** Inserts a new delivery in its first state. */
    public void create(Connection c, DeliveryDTO d, String guardianPhone, String actor) throws SQLException {
        store.insert(c, d, guardianPhone);
        step(c, d, null, actor, null, d.createdAt);
    }

    /**
     * Writes {@code d} (already changed; its state possibly new) if its row is still the one read; 409
     * {@code concurrent_change} otherwise. A changed state gets a step, an event and an audit entry; a
     * change within the state (address, readings) an audit entry.
     */
    public void write(Connection c, DeliveryDTO d, DeliveryState from, String actor, String note, Instant at) throws SQLException {
        if (!store.update(c, d)) {
            throw ProblemException.conflict("concurrent_change", "the delivery was changed meanwhile; reload it");
        }
        if (d.state != from) {
            step(c, d, from, actor, note, at);
        } else {
            audit.record(c, new AuditEntry(actor, AuditEntry.Action.UPDATE, "delivery", d.id, d.childId, note));
        }
    }

    private void step(Connection c, DeliveryDTO d, DeliveryState from, String actor, String note, Instant at) throws SQLException {
        store.insertStep(c, d.id, at, from, d.state, actor, note);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("deliveryId", d.id);
        data.put("prescriptionId", d.prescriptionId);
        data.put("consultationId", d.consultationId);
        data.put("childId", d.childId);
        data.put("from", from == null ? null : from.name());
        data.put("state", d.state.name());
        data.put("actor", actor);
        outbox.append(c, outbox.newEvent("pharmacy", eventName(d.state), 1, d.id, json(data)));
        audit.record(c, new AuditEntry(actor, from == null ? AuditEntry.Action.CREATE : AuditEntry.Action.UPDATE, "delivery",
                d.id, d.childId, (from == null ? "" : from + " -> ") + d.state));
    }

    /** {@code delivery-in-transit} for IN_TRANSIT. */
    public static String eventName(DeliveryState state) {
        return "delivery-" + state.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String json(Map<String, Object> data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
