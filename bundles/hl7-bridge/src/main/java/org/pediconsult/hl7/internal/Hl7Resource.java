package org.pediconsult.hl7.internal;

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
@Component(service = {RestResource.class, Hl7Operations.class})
@Path("hl7")
@Produces(MediaType.APPLICATION_JSON)
@RequiresRole(Role.INTEGRATION_ADMIN)
public class Hl7Resource implements RestResource, Hl7Operations {
    private final MessageQueries queries;
    private final AuditTrail audit;
    private final List<InboundChannel> channels = new CopyOnWriteArrayList<>();

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
            out.add(m);
        }
        return out;
    }

    @GET
    @Path("messages")
    public List<Map<String, Object>> search(@Context SecurityContext sc, @QueryParam("channel") String channel,
                                            @QueryParam("type") String type, @QueryParam("controlId") String controlId,
                                            @QueryParam("outcome") String outcome, @QueryParam("from") String from,
                                            @QueryParam("to") String to, @QueryParam("beforeId") Long beforeId,
                                            @QueryParam("limit") Integer limit) {
        MessageQueries.Filter f = new MessageQueries.Filter();
        f.channel = channel;
        f.type = type;
        f.controlId = controlId;
        f.outcome = outcome;
        f.from = instant("from", from);
        f.to = instant("to", to);
        f.beforeId = beforeId;
        if (limit != null) {
            f.limit = limit;
        }
        List<Map<String, Object>> found = sql(() -> queries.search(f));
        audit.record(new AuditEntry(AuthenticatedUser.of(sc).username(), AuditEntry.Action.READ, "hl7-message-list",
                null, null, found.size() + " messages"));
        return found;
    }

    @GET
    @Path("messages/{id}")
    public Map<String, Object> get(@Context SecurityContext sc, @PathParam("id") long id) {
        Map<String, Object> m = sql(() -> queries.get(id));
        if (m == null) {
            throw ProblemException.notFound("HL7 message");
        }
        audit.record(new AuditEntry(AuthenticatedUser.of(sc).username(), AuditEntry.Action.READ, "hl7-message",
                String.valueOf(id), null, null));
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
                found.size() + " messages"));
        return found;
    }

    /** Runs a stored ERROR or REJECTED message through processing again; answers its new outcome. */
    @POST
    @Path("messages/{id}/reprocess")
    public Map<String, Object> reprocess(@Context SecurityContext sc, @PathParam("id") long id) {
        Map<String, Object> m = sql(() -> queries.get(id));
        if (m == null) {
            throw ProblemException.notFound("HL7 message");
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
        audit.record(new AuditEntry(AuthenticatedUser.of(sc).username(), AuditEntry.Action.UPDATE, "hl7-message",
                String.valueOf(id), null, "reprocessed: " + outcome));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("outcome", outcome);
        return body;
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
