package org.pediconsult.platform.internal.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.StreamingOutput;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.AuditVerification;
import org.pediconsult.platform.api.rest.PublicEndpoint;
import org.pediconsult.platform.api.rest.RequiresRole;
import org.pediconsult.platform.api.rest.RestResource;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.pediconsult.platform.api.security.Role;
import org.pediconsult.platform.internal.audit.AuditArchive;
import org.pediconsult.platform.internal.audit.AuditRecords;
import org.pediconsult.platform.internal.audit.HashChainedAuditTrail;

/**
 * The auditor's view of the trail: {@code GET /api/audit/verify} checks the hash chain (same walk as
 * {@code pediconsult:audit-verify}); {@code GET /api/audit/records} reads it, newest first, filtered by
 * patient, actor, action and time, a page at a time ("who saw this child's record" is one request);
 * {@code GET /api/audit/export} hands the regulator a period's records as a signed zip that verifies
 * offline ({@link AuditArchive}; same as {@code pediconsult:audit-export}). All are themselves audited.
 */
@Component(service = RestResource.class)
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource implements RestResource {
    private static final int MAX_PAGE = 500;
    private final HashChainedAuditTrail audit;
    private final AuditArchive archive;

    @Activate
    public AuditResource(@Reference HashChainedAuditTrail audit, @Reference AuditArchive archive) {
        this.audit = audit;
        this.archive = archive;
    }

    /**
     * {@code ?from=YYYY-MM-DD&to=YYYY-MM-DD}: Beijing days, both inclusive, at most 400; answers the
     * archive {@code audit-<from>-<to>.zip}, streamed a page of records at a time. Audited (EXPORT
     * {@code audit-trail}) when it is done or breaks off.
     */
    @GET
    @Path("export")
    @Produces("application/zip")
    @RequiresRole({Role.AUDITOR, Role.INTEGRATION_ADMIN})
    public Response export(@Context SecurityContext security, @QueryParam("from") String from, @QueryParam("to") String to) {
        AuditArchive.Period period = AuditArchive.Period.parse(from, to);
        AuditArchive.Plan plan = archive.plan(period, AuthenticatedUser.of(security).username());
        StreamingOutput body = out -> archive.write(plan, out);
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + period.fileName() + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    /**
     * The public key the archives are signed with (JWKS), for a regulator to pin instead of trusting the
     * archive's own copy. Public, like the prescriptions' signing keys: a public key gives nothing away,
     * and whoever checks an archive (a health commission's staff) need not hold an account here.
     */
    @GET
    @Path("export/signing-keys")
    @PublicEndpoint
    public Map<String, Object> exportSigningKeys() {
        return archive.publicKeys();
    }

    @GET
    @Path("verify")
    @RequiresRole({Role.AUDITOR, Role.INTEGRATION_ADMIN})
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

    /**
     * {@code ?patient=&actor=&action=&from=&to=&beforeSeq=&limit=} (from inclusive, to exclusive, ISO-8601
     * instants; limit 1-500, default 100); the next page: {@code beforeSeq} = the last record's {@code seq}.
     */
    @GET
    @Path("records")
    @RequiresRole(Role.AUDITOR)
    public List<Map<String, Object>> records(@Context SecurityContext security, @QueryParam("patient") String patient,
                                             @QueryParam("actor") String actor, @QueryParam("action") String action,
                                             @QueryParam("from") String from, @QueryParam("to") String to,
                                             @QueryParam("beforeSeq") Long beforeSeq, @QueryParam("limit") Integer limit) {
        AuditRecords.Query q = new AuditRecords.Query();
        q.patientId = text("patient", patient);
        q.actor = text("actor", actor);
        if (action != null) {
            try {
                q.action = AuditEntry.Action.valueOf(action).name();
            } catch (IllegalArgumentException e) {
                throw ProblemException.badField("action", "action must be one of " + List.of(AuditEntry.Action.values()));
            }
        }
        q.from = instant("from", from);
        q.to = instant("to", to);
        q.beforeSeq = beforeSeq;
        if (limit != null && (limit < 1 || limit > MAX_PAGE)) {
            throw ProblemException.badField("limit", "limit must be 1 to " + MAX_PAGE);
        }
        q.limit = limit == null ? 100 : limit;
        List<Map<String, Object>> page = audit.records(q);
        audit.record(new AuditEntry(AuthenticatedUser.of(security).username(), AuditEntry.Action.READ, "audit-records",
                null, q.patientId, "patient=" + q.patientId + " actor=" + q.actor + " action=" + q.action + " from=" + q.from
                        + " to=" + q.to + " beforeSeq=" + q.beforeSeq + ": " + page.size() + " records"));
        return page;
    }

    private static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 100) {
            throw ProblemException.badField(field, field + " is at most 100 characters");
        }
        return value.trim();
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badField(field, field + " must be an ISO-8601 instant, e.g. 2026-12-01T00:00:00Z");
        }
    }
}
