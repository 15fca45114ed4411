package org.pediconsult.claim.internal.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.claim.api.ClaimDTO;
import org.pediconsult.claim.api.ClaimState;
import org.pediconsult.claim.internal.service.ClaimWorkflow;
import org.pediconsult.claim.internal.service.Reconciliation;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.rest.BodyLimit;
import org.pediconsult.platform.api.rest.RequiresRole;
import org.pediconsult.platform.api.rest.RestResource;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.pediconsult.platform.api.security.Role;

/** {@code /api/claims}: the billing officer's claims, submission and resubmission, reconciliation; the insurer's adjudication. */
@Component(service = RestResource.class)
@Path("claims")
@Produces(MediaType.APPLICATION_JSON)
public class ClaimResource implements RestResource {
    private final ClaimWorkflow workflow;
    private final Reconciliation reconciliation;

    @Activate
    public ClaimResource(@Reference ClaimWorkflow workflow, @Reference Reconciliation reconciliation) {
        this.workflow = workflow;
        this.reconciliation = reconciliation;
    }

    @GET
    @RequiresRole({Role.BILLING, Role.AUDITOR})
    public List<ClaimDTO> list(@Context SecurityContext sc, @QueryParam("state") String state) {
        ClaimState s = null;
        if (state != null && !state.isBlank()) {
            try {
                s = ClaimState.valueOf(state);
            } catch (IllegalArgumentException e) {
                throw ProblemException.badField("state", "one of " + java.util.Arrays.toString(ClaimState.values()));
            }
        }
        return workflow.list(AuthenticatedUser.of(sc), s);
    }

    @GET
    @Path("reconciliation")
    @RequiresRole({Role.BILLING, Role.AUDITOR})
    public Map<String, Object> reconciliation(@Context SecurityContext sc, @QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        return reconciliation.of(AuthenticatedUser.of(sc), day("from", from, today.withDayOfMonth(1)), day("to", to, today));
    }

    @GET
    @Path("reconciliation.csv")
    @Produces("text/csv; charset=UTF-8")
    @RequiresRole({Role.BILLING, Role.AUDITOR})
    public Response reconciliationCsv(@Context SecurityContext sc, @QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        LocalDate f = day("from", from, today.withDayOfMonth(1));
        LocalDate t = day("to", to, today);
        return Response.ok(reconciliation.csv(AuthenticatedUser.of(sc), f, t))
                .header("Content-Disposition", "attachment; filename=\"claims-" + f + "-" + t + ".csv\"").build();
    }

    @GET
    @Path("{id}")
    @RequiresRole({Role.BILLING, Role.AUDITOR})
    public ClaimDTO get(@Context SecurityContext sc, @PathParam("id") String id) {
        return workflow.get(AuthenticatedUser.of(sc), id);
    }

    /** Submits a qualified claim (or retries); a submitted one is not sent twice (409). */
    @POST
    @Path("{id}/submission")
    @RequiresRole(Role.BILLING)
    public ClaimDTO submit(@Context SecurityContext sc, @PathParam("id") String id) {
        return workflow.submit(id, AuthenticatedUser.of(sc).username());
    }

    /** A rejected claim as a new version (201). */
    @POST
    @Path("{id}/resubmission")
    @RequiresRole(Role.BILLING)
    public Response resubmit(@Context SecurityContext sc, @PathParam("id") String id) {
        return Response.status(201).entity(workflow.resubmit(AuthenticatedUser.of(sc), id)).build();
    }

    /** Body {@code {type: CD|AJ, originalLineId, amount, reason}}: a correction as a new version (201). */
    @POST
    @Path("{id}/corrections")
    @Consumes(MediaType.APPLICATION_JSON)
    @BodyLimit(4_000)
    @RequiresRole(Role.BILLING)
    public Response correct(@Context SecurityContext sc, @PathParam("id") String id, Correction body) {
        if (body == null) {
            throw ProblemException.badField("type", "send {type, originalLineId, amount, reason}");
        }
        return Response.status(201).entity(workflow.correct(AuthenticatedUser.of(sc), id, body.type, body.originalLineId,
                body.amount, body.reason)).build();
    }

    public static final class Correction {
        public String type;
        public String originalLineId;
        public BigDecimal amount;
        public String reason;
    }

    /** The insurer's callback: {@code {lines: [{lineId, paidAmount}]}}, as the insurer's system account ({@code insurer.<payer>}). */
    @POST
    @Path("{id}/adjudication")
    @Consumes(MediaType.APPLICATION_JSON)
    @BodyLimit(64_000)
    @RequiresRole(Role.SYSTEM_INSURER)
    public ClaimDTO adjudicate(@Context SecurityContext sc, @PathParam("id") String id, Adjudication body) {
        if (body == null || body.lines == null) {
            throw ProblemException.badField("lines", "send {lines: [{lineId, paidAmount}]}");
        }
        Map<String, BigDecimal> paid = new HashMap<>();
        for (Adjudication.Line l : body.lines) {
            if (l == null || l.lineId == null || l.paidAmount == null) {
                throw ProblemException.badField("lines", "each line needs lineId and paidAmount");
            }
            paid.put(l.lineId, l.paidAmount);
        }
        return workflow.adjudicate(AuthenticatedUser.of(sc), id, paid);
    }

    private static LocalDate day(String field, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badField(field, "a day, YYYY-MM-DD");
        }
    }

    public static final class Adjudication {
        public List<Line> lines;

        public static final class Line {
            public String lineId;
            public BigDecimal paidAmount;
        }
    }
}
