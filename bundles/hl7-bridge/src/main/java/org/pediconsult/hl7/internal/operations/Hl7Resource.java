package org.pediconsult.hl7.internal.operations;

import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.pediconsult.hl7.internal.inbound.InboundChannel;
import org.pediconsult.hl7.internal.outbound.OutboundChannel;
import org.pediconsult.hl7.internal.outbound.OutboundOutcome;
import org.pediconsult.hl7.internal.store.Retention;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.AuditTrail;
import org.pediconsult.platform.api.data.DataAccessException;
import org.pediconsult.platform.api.rest.RequiresRole;
import org.pediconsult.platform.api.rest.RestResource;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.pediconsult.platform.api.security.Role;

/**
 * {@code /api/hl7}: what an integration engineer watches: channels with their counts, message
 * search (type, control id, outcome, time; newest first, paged by {@code beforeId}) and one message raw with its ACK. Reading a message is
 * reading patient data, so each read is audited.
 */
// the component's name from before the split into packages, kept (scr:list; also its configuration PID)
@Component(name = "org.pediconsult.hl7.internal.Hl7Resource", service = {RestResource.class, Hl7Operations.class})
@Path("hl7")
@Produces(MediaType.APPLICATION_JSON)
@RequiresRole(Role.INTEGRATION_ADMIN)
public class Hl7Resource implements RestResource, Hl7Operations {
    private final MessageQueries queries;
    private final AuditTrail audit;
    private final List<InboundChannel> channels = new CopyOnWriteArrayList<>();
    private final List<OutboundChannel> outbound = new CopyOnWriteArrayList<>();
    private volatile Retention retention;

    @Activate
    public Hl7Resource(@Reference(target = "(dataSourceName=pediconsult)") DataSource dataSource,
                       @Reference AuditTrail audit) {
        this.queries = new MessageQueries(dataSource);
        this.audit = audit;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addChannel(InboundChannel channel) {
        channels.add(channel);
    }

    void removeChannel(InboundChannel channel) {
        channels.remove(channel);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addOutbound(OutboundChannel channel) {
        outbound.add(channel);
    }

    void removeOutbound(OutboundChannel channel) {
        outbound.remove(channel);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setRetention(Retention r) {
        this.retention = r;
    }

    void unsetRetention(Retention r) {
        if (this.retention == r) {
            this.retention = null;
        }
    }

    @GET
    @Path("channels")
    @Override
    public List<Map<String, Object>> channels() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (InboundChannel c : channels) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.name());
            m.put("direction", "IN");
            m.put("port", c.port());
            m.put("state", c.state());
            m.put("counts", sql(() -> queries.counts(c.name())));
            m.put("metrics", c.metrics());
            out.add(m);
        }
        for (OutboundChannel c : outbound) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", c.name());
            m.put("direction", "OUT");
            m.put("destination", c.destination());
            m.put("state", c.state());
            m.put("counts", sql(() -> queries.counts(c.name())));
            m.put("lastError", c.lastError());
            m.put("lastErrorAt", c.lastErrorAt() == null ? null : c.lastErrorAt().toString());
            m.put("metrics", c.metrics());
            out.add(m);
        }
        return out;
    }

    @GET
    @Path("messages")
    public List<Map<String, Object>> search(@Context SecurityContext sc, @QueryParam("channel") String channel,
                                            @QueryParam("direction") String direction,
                                            @QueryParam("patient") String patient,
                                            @QueryParam("type") String type, @QueryParam("controlId") String controlId,
                                            @QueryParam("outcome") String outcome, @QueryParam("from") String from,
                                            @QueryParam("to") String to, @QueryParam("beforeId") Long beforeId,
                                            @QueryParam("limit") Integer limit) {
        MessageQueries.Filter f = new MessageQueries.Filter();
        f.channel = channel;
        if (direction != null && !direction.equals("IN") && !direction.equals("OUT")) {
            throw ProblemException.badField("direction", "direction must be IN or OUT");
        }
        f.direction = direction;
        f.patient = patient;
        f.beforeId = beforeId;
        f.type = type;
        f.controlId = controlId;
        f.outcome = outcome;
        f.from = instant("from", from);
        f.to = instant("to", to);
        if (limit != null) {
            f.limit = limit;
        }
        List<Map<String, Object>> found = sql(() -> queries.search(f));
        audit.record(new AuditEntry(AuthenticatedUser.of(sc).username(), AuditEntry.Action.READ, "hl7-message-list",
                null, null, found.size() + " messages").withPatients(patients(found)));
        return found;
    }

    /** The patients the messages concern (their patient key), for the audit trail's "who saw this patient". */
    private static List<String> patients(List<Map<String, Object>> messages) {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> m : messages) {
            out.addAll(patientsOf(m));
        }
        return out;
    }

    /** The child ids of one message's patient column (an ORU may concern several, comma-separated). */
    private static List<String> patientsOf(Map<String, Object> message) {
        Object patient = message.get("patient");
        if (patient == null || patient.toString().isBlank()) {
            return List.of();
        }
        return List.of(patient.toString().split(","));
    }

    @GET
    @Path("messages/{id}")
    public Map<String, Object> get(@Context SecurityContext sc, @PathParam("id") long id) {
        Map<String, Object> m = sql(() -> queries.get(id));
        if (m == null) {
            throw ProblemException.notFound("HL7 message");
        }
        List<String> patients = patientsOf(m);
        audit.record(new AuditEntry(AuthenticatedUser.of(sc).username(), AuditEntry.Action.READ, "hl7-message",
                String.valueOf(id), patients.isEmpty() ? null : patients.get(0), null).withPatients(patients));
        return m;
    }

    /** The same search for the shell, audited as the shell user. */
    @Override
    public List<Map<String, Object>> search(String actor, String type, String outcome, int limit) {
        MessageQueries.Filter f = new MessageQueries.Filter();
        f.type = type;
        f.outcome = outcome;
        f.limit = limit;
        List<Map<String, Object>> found = sql(() -> queries.search(f));
        audit.record(new AuditEntry(actor, AuditEntry.Action.READ, "hl7-message-list", null, null,
                found.size() + " messages").withPatients(patients(found)).withClientAddress("shell"));
        return found;
    }

    /** Runs a stored ERROR or REJECTED message through processing again; answers its new outcome. */
    @POST
    @Path("messages/{id}/reprocess")
    public Map<String, Object> reprocess(@Context SecurityContext sc, @PathParam("id") long id) {
        return reprocess(AuthenticatedUser.of(sc).username(), id);
    }

    @Override
    public Map<String, Object> reprocess(String actor, long id) {
        Map<String, Object> m = sql(() -> queries.get(id));
        if (m == null) {
            throw ProblemException.notFound("HL7 message");
        }
        if ("OUT".equals(m.get("direction"))) {
            throw ProblemException.conflict("not_reprocessable", "message " + id + " is outbound; resend it instead "
                    + "(POST /api/hl7/messages/" + id + "/resend)");
        }
        InboundChannel channel = channels.stream().filter(c -> c.name().equals(m.get("channel"))).findFirst()
                .orElseThrow(() -> ProblemException.conflict("channel_unavailable", "channel " + m.get("channel")
                        + " is not running; start it to reprocess its messages"));
        String outcome;
        try {
            outcome = channel.reprocess(id);
        } catch (IllegalStateException notReprocessable) {
            throw ProblemException.conflict("not_reprocessable", notReprocessable.getMessage());
        } catch (Exception e) {
            throw new IllegalStateException("reprocessing failed", e);
        }
        audit.record(new AuditEntry(actor, AuditEntry.Action.UPDATE, "hl7-message",
                String.valueOf(id), (String) m.get("patient"), "reprocessed: " + outcome));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("outcome", outcome);
        return body;
    }

    /**
     * Puts a PARKED outbound message back in its channel's queue (attempts reset); it is sent with
     * its original MSH-10, so a receiver that did get it can discard the copy.
     */
    @POST
    @Path("messages/{id}/resend")
    public Map<String, Object> resend(@Context SecurityContext sc, @PathParam("id") long id) {
        return resend(AuthenticatedUser.of(sc).username(), id);
    }

    @Override
    public Map<String, Object> resend(String actor, long id) {
        Map<String, Object> m = sql(() -> queries.get(id));
        if (m == null) {
            throw ProblemException.notFound("HL7 message");
        }
        if (!"OUT".equals(m.get("direction"))) {
            throw ProblemException.conflict("not_resendable", "message " + id + " is inbound; reprocess it instead "
                    + "(POST /api/hl7/messages/" + id + "/reprocess)");
        }
        OutboundChannel channel = outbound.stream().filter(c -> c.name().equals(m.get("channel"))).findFirst()
                .orElseThrow(() -> ProblemException.conflict("channel_unavailable", "channel " + m.get("channel")
                        + " is not running; configure or start it to resend its messages"));
        boolean queued = sql(() -> channel.resend(id));
        if (!queued) {
            throw ProblemException.conflict("not_resendable", "message " + id + " is " + m.get("outcome")
                    + "; only a PARKED message that was mapped can be resent");
        }
        audit.record(new AuditEntry(actor, AuditEntry.Action.UPDATE, "hl7-message", String.valueOf(id),
                (String) m.get("patient"), "queued again for " + channel.destination()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("outcome", OutboundOutcome.QUEUED.name());
        return body;
    }

    /** Deletes messages past the retention policy now (it also runs on its own schedule). */
    @POST
    @Path("prune")
    public Map<String, Object> prune(@Context SecurityContext sc) {
        return prune(AuthenticatedUser.of(sc).username());
    }

    @Override
    public Map<String, Object> prune(String actor) {
        Retention r = retention;
        if (r == null) {
            throw ProblemException.conflict("retention_unavailable", "the retention policy is not active");
        }
        return sql(() -> r.prune(actor));
    }

    private static Instant instant(String field, String text) {
        try {
            return text == null || text.isBlank() ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.badField(field, field + " must be an ISO-8601 instant such as 2026-11-25T08:00:00Z");
        }
    }

    private interface Query<T> {
        T run() throws SQLException;
    }

    private static <T> T sql(Query<T> q) {
        try {
            return q.run();
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }
}
