package org.pediconsult.prescription.internal.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.AuditTrail;
import org.pediconsult.platform.api.event.EventOutbox;
import org.pediconsult.prescription.api.PrescriptionDTO;
import org.pediconsult.prescription.api.PrescriptionState;
import org.pediconsult.prescription.internal.store.PrescriptionStore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes a prescription's change in the caller's transaction with its event (outbox) and audit entry:
 * every state change is a {@code prescription.<name>} event and an audit record, or nothing is.
 */
final class Transitions {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PrescriptionStore store;
    private final EventOutbox outbox;
    private final AuditTrail audit;

    Transitions(PrescriptionStore store, EventOutbox outbox, AuditTrail audit) {
        this.store = store;
        this.outbox = outbox;
        this.audit = audit;
    }

    /** Updates {@code p} (already changed) if it was still in {@code from}; 409 when someone else changed it first. */
    void write(Connection c, PrescriptionDTO p, PrescriptionState from, String event, String actor, String detail)
            throws SQLException {
        if (!store.update(c, p, from)) {
            throw ProblemException.conflict("concurrent_change", "the prescription was changed meanwhile; reload it");
        }
        record(c, p, event, actor, AuditEntry.Action.UPDATE, detail);
    }

    /** The event and audit entry of a change the caller already wrote (a conditional update of its own). */
    void recordOnly(Connection c, PrescriptionDTO p, String event, String actor) throws SQLException {
        record(c, p, event, actor, AuditEntry.Action.UPDATE, null);
    }

    void insert(Connection c, PrescriptionDTO p, String actor, String detail) throws SQLException {
        store.insert(c, p);
        record(c, p, null, actor, AuditEntry.Action.CREATE, detail);
    }

    private void record(Connection c, PrescriptionDTO p, String event, String actor, AuditEntry.Action action,
                        String detail) throws SQLException {
        if (event != null) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("prescriptionId", p.id);
            data.put("consultationId", p.consultationId);
            data.put("childId", p.childId);
            data.put("version", p.version);
            data.put("state", p.state.name());
            data.put("sentToPharmacy", p.sentToPharmacy);
            data.put("actor", actor);
            outbox.append(c, outbox.newEvent("prescription", event, 1, p.id, json(data)));
        }
        audit.record(c, new AuditEntry(actor, action, "prescription", p.id, p.childId,
                event == null ? detail : (detail == null ? event : event + ": " + detail)));
    }

    private static String json(Map<String, Object> data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
