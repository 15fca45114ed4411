package org.pediconsult.consultation.internal.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.pediconsult.consultation.api.ConsultationState;
import org.pediconsult.consultation.api.dto.ConsultationDTO;
import org.pediconsult.consultation.internal.rules.ConsultationStateMachine;
import org.pediconsult.consultation.internal.store.ConsultationStore;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.AuditTrail;
import org.pediconsult.platform.api.event.EventOutbox;

/**
 * Writes one transition of a consultation: the new row state (optimistic on version), the
 * transition history row, the domain event and the audit record, all on the caller's transaction.
 */
final class TransitionWriter {
    static final ObjectMapper JSON = new ObjectMapper();

    private final ConsultationStore store;
    private final EventOutbox outbox;
    private final AuditTrail audit;

    TransitionWriter(ConsultationStore store, EventOutbox outbox, AuditTrail audit) {
        this.store = store;
        this.outbox = outbox;
        this.audit = audit;
    }

    /**
     * Persists {@code k} (already changed by the caller, including {@code k.state}) as a transition
     * from {@code from}, and publishes {@code pediconsult.consultation.<event>}.
     */
    void write(Connection c, ConsultationDTO k, String from, ConsultationStateMachine.Action action, String actor,
               Instant now, String event, Map<String, Object> extra) throws SQLException {
        k.updatedAt = now;
        if (!store.update(c, k)) {
            throw ProblemException.conflict("concurrent_update", "the consultation was changed by someone else; reload it");
        }
        record(c, k, from, action.name(), actor, now, event, extra);
    }

    /** History, event and audit for a consultation just inserted or updated. */
    void record(Connection c, ConsultationDTO k, String from, String action, String actor, Instant now, String event,
                Map<String, Object> extra) throws SQLException {
        store.insertTransition(c, k.id, from, k.state, action, actor, now);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("consultationId", k.id);
        data.put("childId", k.childId);
        data.put("guardianId", k.guardianId);
        data.put("specialtyId", k.specialtyId);
        data.put("kind", k.kind);
        data.put("previousId", k.previousId);
        data.put("fromState", from);
        data.put("state", k.state);
        data.put("physicianId", k.physicianId);
        data.put("slotId", k.slotId);
        data.put("scheduledAt", k.scheduledAt == null ? null : k.scheduledAt.toString());
        data.put("actor", actor);
        if (extra != null) {
            data.putAll(extra);
        }
        try {
            outbox.append(c, outbox.newEvent("consultation", event, 1, k.id, JSON.writeValueAsString(data)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event payload not serialisable", e);
        }
        audit.record(c, new AuditEntry(actor, from == null ? AuditEntry.Action.CREATE : AuditEntry.Action.UPDATE,
                "consultation", k.id, k.childId, action + (from == null ? "" : " " + from + "->" + k.state)));
    }

    static boolean in(String state, ConsultationState... states) {
        for (ConsultationState s : states) {
            if (s.name().equals(state)) {
                return true;
            }
        }
        return false;
    }
}
