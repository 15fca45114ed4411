package org.pediconsult.platform.internal.rest;

import java.util.LinkedHashMap;
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
import org.pediconsult.platform.api.audit.AuditVerification;
import org.pediconsult.platform.api.rest.RequiresRole;
import org.pediconsult.platform.api.rest.RestResource;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.pediconsult.platform.api.security.Role;

/** {@code GET /api/audit/verify}: the auditor's check of the hash chain (same walk as {@code pediconsult:audit-verify}). */
@Component(service = RestResource.class)
@Path("audit")
@RequiresRole({Role.AUDITOR, Role.INTEGRATION_ADMIN})
public class AuditResource implements RestResource {
    private final AuditTrail audit;

    @Activate
    public AuditResource(@Reference AuditTrail audit) {
        this.audit = audit;
    }

    @GET
    @Path("verify")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> verify(@Context SecurityContext security) {
        AuditVerification result = audit.verify();
        audit.record(new AuditEntry(AuthenticatedUser.of(security).username(), AuditEntry.Action.VERIFY,
                "audit-trail", null, null, result.intact() ? "intact" : "broken at " + result.firstBrokenSeq()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("intact", result.intact());
        body.put("recordsChecked", result.recordsChecked());
        body.put("firstBrokenSeq", result.firstBrokenSeq());
        body.put("reason", result.reason());
        return body;
    }
}
