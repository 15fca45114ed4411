package org.pediconsult.consultation.internal.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.consultation.internal.service.ConsultationWorkflow;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.AuditTrail;
import org.pediconsult.platform.api.rest.RequiresRole;
import org.pediconsult.platform.api.rest.RestResource;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.pediconsult.platform.api.security.Role;

/**
 * {@code GET /api/pilot/scope}: the pilot scope in force now (it changes live with
 * {@code etc/org.pediconsult.consultation.cfg}) and where each installed specialty stands in it.
 */
@Component(service = RestResource.class)
@Path("pilot/scope")
@Produces(MediaType.APPLICATION_JSON)
public class PilotScopeResource implements RestResource {
    private final ConsultationWorkflow workflow;
    private final AuditTrail audit;

    @Activate
    public PilotScopeResource(@Reference ConsultationWorkflow workflow, @Reference AuditTrail audit) {
        this.workflow = workflow;
        this.audit = audit;
    }

    @GET
    @RequiresRole({Role.INTEGRATION_ADMIN, Role.AUDITOR})
    public Map<String, Object> scope(@Context SecurityContext sc) {
        ConsultationWorkflow.ScopeView view = workflow.scope();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("start", view.scope().start().toString());
        body.put("end", view.scope().end().toString());
        body.put("zone", view.zone().getId());
        body.put("institutions", new TreeSet<>(view.scope().institutions()));
        body.put("offered", new TreeSet<>(view.scope().specialtyIds()));
        body.put("retired", new TreeSet<>(view.scope().retiredIds()));
        List<Map<String, String>> installed = view.installed().stream()
                .map(e -> Map.of("id", e.getKey(), "status", e.getValue().name())).toList();
        body.put("installed", installed);
        audit.record(new AuditEntry(AuthenticatedUser.of(sc).username(), AuditEntry.Action.READ, "pilot-scope", null,
                null, null));
        return body;
    }
}
