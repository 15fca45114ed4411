package org.pediconsult.platform.internal.bundles;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
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
 * {@code GET /api/platform/bundles[?all=true]}: the installed PediConsult bundles (and any bundle that
 * registers a specialty) with version and state, for the operations page; {@code all=true} lists every
 * bundle of the framework. The read is audited.
 */
@Component(service = RestResource.class)
@Path("platform")
@RequiresRole(Role.INTEGRATION_ADMIN)
public class BundlesResource implements RestResource {
    private final BundleContext context;
    private final AuditTrail audit;

    @Activate
    public BundlesResource(BundleContext context, @Reference AuditTrail audit) {
        this.context = context;
        this.audit = audit;
    }

    @GET
    @Path("bundles")
    @Produces(MediaType.APPLICATION_JSON)
    public List<Map<String, Object>> bundles(@Context SecurityContext security, @QueryParam("all") boolean all) {
        List<Map<String, Object>> list = BundleListing.list(context.getBundles(), all ? Set.of() : specialtyProviders(), all);
        audit.record(new AuditEntry(AuthenticatedUser.of(security).username(), AuditEntry.Action.READ,
                "bundle-list", null, null, list.size() + (all ? " bundles (all)" : " bundles")));
        return list;
    }

    /** Ids of the bundles registering a specialty service right now. */
    private Set<Long> specialtyProviders() {
        ServiceReference<?>[] refs;
        try {
            refs = context.getAllServiceReferences(BundleListing.SPECIALTY_SERVICE, null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        Set<Long> ids = new HashSet<>();
        for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
            Bundle b = ref.getBundle(); // null once unregistered
            if (b != null) {
                ids.add(b.getBundleId());
            }
        }
        return ids;
    }
}
