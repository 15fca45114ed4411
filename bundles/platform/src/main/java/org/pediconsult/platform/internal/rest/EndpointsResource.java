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
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.pediconsult.platform.api.ProblemException;
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
    private final AuditTrail audit;
    /**
     * Dynamic and optional: the application binds this resource while it activates, so a mandatory
     * reference back to it would be a cycle that SCR refuses.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile RestApplication application;

    @Activate
    public EndpointsResource(@Reference AuditTrail audit) {
        this.audit = audit;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<Map<String, Object>> endpoints(@Context SecurityContext security) {
        RestApplication app = application;
        if (app == null) {
            throw new ProblemException(503, "unavailable", "the REST application is starting; try again");
        }
        List<Map<String, Object>> list = EndpointInventory.of(app.servedClasses());
        audit.record(new AuditEntry(AuthenticatedUser.of(security).username(), AuditEntry.Action.READ, "api-endpoints",
                null, null, list.size() + " endpoints"));
        return list;
    }
}
