package org.pediconsult.platform.internal.rest;

import java.util.List;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.AuditTrail;
import org.pediconsult.platform.api.rest.RequiresRole;
import org.pediconsult.platform.api.rest.RestResource;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.pediconsult.platform.api.security.Role;

/**
 * {@code GET /api/platform/endpoints}: every method the REST API serves right now, with its path and
 * who may call it ({@code PUBLIC}, {@code AUTHENTICATED} or {@code ROLES} with the roles), for
 * integration engineers and auditors, and for the attack suite that calls each one with each role.
 */
@Component(service = RestResource.class)
@Path("platform/endpoints")
@RequiresRole({Role.INTEGRATION_ADMIN, Role.AUDITOR})
public class EndpointsResource implements RestResource {
    private final RestApplication application;
    private final AuditTrail audit;

    @Activate
    public EndpointsResource(@Reference RestApplication application, @Reference AuditTrail audit) {
        this.application = application;
        this.audit = audit;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<Map<String, Object>> endpoints(@Context SecurityContext security) {
        List<Map<String, Object>> list = EndpointInventory.of(application.servedClasses());
        audit.record(new AuditEntry(AuthenticatedUser.of(security).username(), AuditEntry.Action.READ, "api-endpoints",
                null, null, list.size() + " endpoints"));
        return list;
    }
}
