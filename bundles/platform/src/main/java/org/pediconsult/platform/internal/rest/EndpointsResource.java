package org.pediconsult.platform.internal.rest;

import java.util.List;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
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
     * The application is looked up per request, not referenced: it binds this resource while it
     * activates, and any reference back to it (even optional and dynamic) makes SCR build the two
     * components inside each other's activation. That cycle cost every cold start 5 s (SCR's lock
     * timeout, "Could not obtain lock" in the log) and a "Service factory returned null" error.
     */
    private final BundleContext context;

    @Activate
    public EndpointsResource(@Reference AuditTrail audit, BundleContext context) {
        this.audit = audit;
        this.context = context;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<Map<String, Object>> endpoints(@Context SecurityContext security) {
        ServiceReference<ServedApi> ref = context.getServiceReference(ServedApi.class);
        ServedApi app = ref == null ? null : context.getService(ref);
        if (app == null) {
            throw new ProblemException(503, "unavailable", "the REST application is starting; try again");
        }
        List<Map<String, Object>> list;
        try {
            list = EndpointInventory.of(app.servedClasses());
        } finally {
            context.ungetService(ref);
        }
        audit.record(new AuditEntry(AuthenticatedUser.of(security).username(), AuditEntry.Action.READ, "api-endpoints",
                null, null, list.size() + " endpoints"));
        return list;
    }
}
