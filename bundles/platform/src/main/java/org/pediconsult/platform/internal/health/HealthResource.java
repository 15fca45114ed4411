package org.pediconsult.platform.internal.health;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.platform.api.rest.PublicEndpoint;
import org.pediconsult.platform.api.rest.RestResource;

/**
 * {@code GET /api/health}: 200 {@code {"status":"UP","mode":"demo"|"production"}} only when the
 * database, the broker and every PediConsult bundle and component are up and, outside demo mode, no
 * account still has the demo password; 503 with what is down otherwise. No authentication, so a load
 * balancer can probe it; it names components, never data or user names.
 */
@Component(service = RestResource.class)
@Path("health")
public class HealthResource implements RestResource {
    private final HealthChecks checks;

    @Activate
    public HealthResource(@Reference HealthChecks checks) {
        this.checks = checks;
    }

    @GET
    @PublicEndpoint
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        Map<String, HealthChecks.Check> results = checks.run();
        boolean up = results.values().stream().allMatch(c -> c.up);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("mode", checks.mode());
        body.put("checks", results);
        return Response.status(up ? 200 : 503).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
