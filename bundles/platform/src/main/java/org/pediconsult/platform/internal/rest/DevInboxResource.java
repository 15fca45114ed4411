package org.pediconsult.platform.internal.rest;

import java.util.List;

import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.AuditTrail;
import org.pediconsult.platform.api.rest.RequiresRole;
import org.pediconsult.platform.api.rest.RestResource;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.pediconsult.platform.api.security.Role;
import org.pediconsult.platform.internal.messages.DevelopmentInbox;

/**
 * {@code GET /api/dev-inbox}: the text messages the development inbox received instead of a phone
 * (embedded mode), newest first, for INTEGRATION_ADMIN; 404 when the inbox is not running (production).
 */
@Component(service = RestResource.class)
@Path("dev-inbox")
public class DevInboxResource implements RestResource {
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile DevelopmentInbox inbox;

    @Reference
    private AuditTrail audit;

    @GET
    @RequiresRole(Role.INTEGRATION_ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    public List<DevelopmentInbox.Item> messages(@Context SecurityContext security, @QueryParam("to") String to,
                                                @QueryParam("limit") @DefaultValue("50") int limit) {
        DevelopmentInbox current = inbox;
        if (current == null) {
            throw new ProblemException(404, "not_found", "the development inbox is not running "
                    + "(etc/org.pediconsult.devinbox.cfg): text messages go to the hospital's gateway");
        }
        List<DevelopmentInbox.Item> items = current.latest(to, limit);
        audit.record(new AuditEntry(AuthenticatedUser.of(security).username(), AuditEntry.Action.READ, "dev-inbox", null, null,
                items.size() + " messages"));
        return items;
    }
}
