package org.pediconsult.platform.internal.rest;

import java.security.Principal;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;

import org.pediconsult.platform.api.Problem;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every refused access to the API goes into the audit trail (REFUSED): no or a bad token (401), a role
 * that may not (403), an object that is not the caller's or does not exist (404, from a resource's
 * object check: a path no resource serves is not an access), a locked account (423), a rate limit
 * (429). Who (the authenticated user, else {@code anonymous}), what (method and path) and the
 * refusal's code; the client address comes with every audit record.
 */
final class RefusalAudit implements ContainerResponseFilter {
    private static final Logger LOG = LoggerFactory.getLogger(RefusalAudit.class);
    private final AuditTrail audit;

    @Context
    private ResourceInfo resourceInfo;

    RefusalAudit(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        boolean refused = status == 401 || status == 403 || status == 423 || status == 429
                || status == 404 && resourceInfo.getResourceMethod() != null;
        if (!refused) {
            return;
        }
        // the user whose token verified (also when a role or declaration check then refused), else anonymous
        Object caller = request.getProperty(AuthenticationFilter.CALLER);
        Principal who = request.getSecurityContext() == null ? null : request.getSecurityContext().getUserPrincipal();
        String actor = caller != null ? caller.toString() : who != null ? who.getName() : "anonymous";
        String code = response.getEntity() instanceof Problem ? ((Problem) response.getEntity()).code : null;
        String path = "/api/" + request.getUriInfo().getPath(false).replaceFirst("^/", "");
        try {
            audit.record(new AuditEntry(actor, AuditEntry.Action.REFUSED, "api",
                    truncate(request.getMethod() + " " + path, 100), null, status + (code == null ? "" : " " + code)));
        } catch (RuntimeException e) {
            LOG.warn("a refused access to {} could not be audited: {}", request.getMethod(), e.toString());
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
