package org.pediconsult.reporting.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.GET;
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
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.AuditTrail;
import org.pediconsult.platform.api.report.ReportPeriod;
import org.pediconsult.platform.api.rest.RequiresRole;
import org.pediconsult.platform.api.rest.RestResource;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.pediconsult.platform.api.security.Role;

/**
 * The pilot evaluation report for the auditor and the integration administrator:
 * {@code GET /api/reports/pilot?from=YYYY-MM-DD&to=YYYY-MM-DD&lang=zh|en} (JSON),
 * {@code GET /api/reports/pilot/sections/{id}.csv} (one section), {@code GET /api/reports/pilot.pdf}
 * (all of it) and {@code GET /api/reports/sections} (what is installed). Days are in the pilot's zone,
 * both inclusive; without {@code from}/{@code to} the year to date. Every report read is audited
 * (who, which period, which form); the report itself holds no personal data.
 */
@Component(service = RestResource.class)
@Path("reports")
@RequiresRole({Role.AUDITOR, Role.INTEGRATION_ADMIN})
public class ReportResource implements RestResource {
    private final PilotReport report;
    private final AuditTrail audit;

    @Activate
    public ReportResource(@Reference PilotReport report, @Reference AuditTrail audit) {
        this.report = report;
        this.audit = audit;
    }

    @GET
    @Path("sections")
    @Produces(MediaType.APPLICATION_JSON)
    public List<Map<String, Object>> sections(@QueryParam("lang") String lang) {
        String l = lang(lang);
        return report.installed().stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.id());
            m.put("title", s.title().in(l));
            m.put("order", s.order());
            return m;
        }).toList();
    }

    @GET
    @Path("pilot")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> pilot(@Context SecurityContext sc, @QueryParam("from") String from, @QueryParam("to") String to,
                                     @QueryParam("lang") String lang) {
        ReportPeriod period = period(from, to);
        String l = lang(lang);
        Report r = report.compute(period, null);
        audit(sc, AuditEntry.Action.READ, period, "json " + r.sections().size() + " sections");
        return ReportJson.of(r, l);
    }

    @GET
    @Path("pilot/sections/{id}.csv")
    @Produces("text/csv; charset=UTF-8")
    public Response sectionCsv(@Context SecurityContext sc, @PathParam("id") String id, @QueryParam("from") String from,
                               @QueryParam("to") String to, @QueryParam("lang") String lang) {
        if (id == null || !id.matches("[a-z0-9-]{1,40}")) {
            throw ProblemException.notFound("report section");
        }
        ReportPeriod period = period(from, to);
        String l = lang(lang);
        Report r = report.compute(period, id);
        audit(sc, AuditEntry.Action.EXPORT, period, "csv section " + id);
        return Response.ok(ReportCsv.of(r, r.section(id), l).getBytes(StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"pilot-" + id + "-" + period.from() + "-" + period.to() + ".csv\"")
                .build();
    }

    @GET
    @Path("pilot.pdf")
    @Produces("application/pdf")
    public Response pdf(@Context SecurityContext sc, @QueryParam("from") String from, @QueryParam("to") String to,
                        @QueryParam("lang") String lang) {
        ReportPeriod period = period(from, to);
        String l = lang(lang);
        Report r = report.compute(period, null);
        byte[] pdf = ReportPdf.of(r, l, report.pdfFonts());
        audit(sc, AuditEntry.Action.EXPORT, period, "pdf " + r.sections().size() + " sections, " + pdf.length + " bytes");
        return Response.ok(pdf)
                .header("Content-Disposition", "attachment; filename=\"pilot-report-" + period.from() + "-" + period.to() + ".pdf\"")
                .build();
    }

    private void audit(SecurityContext sc, AuditEntry.Action action, ReportPeriod period, String what) {
        audit.record(new AuditEntry(AuthenticatedUser.of(sc).username(), action, "pilot-report", null, null,
                period.from() + ".." + period.to() + " " + what));
    }

    ReportPeriod period(String from, String to) {
        LocalDate today = LocalDate.now(report.zone());
        LocalDate t = day("to", to, today);
        LocalDate f = day("from", from, t.withDayOfYear(1));
        if (t.isBefore(f)) {
            throw ProblemException.badField("to", "to must be on or after from");
        }
        int max = report.config().max_days();
        if (ChronoUnit.DAYS.between(f, t) + 1 > max) {
            throw ProblemException.badField("to", "a report covers at most " + max + " days");
        }
        return new ReportPeriod(f, t, report.zone());
    }

    private static LocalDate day(String field, String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        if (value.length() > 10) {
            throw ProblemException.badField(field, field + " must be a day, YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badField(field, field + " must be a day, YYYY-MM-DD");
        }
    }

    static String lang(String lang) {
        if (lang == null || lang.isBlank() || lang.equals("zh") || lang.equalsIgnoreCase("zh-CN")) {
            return "zh";
        }
        if (lang.equals("en") || lang.toLowerCase().startsWith("en-")) {
            return "en";
        }
        throw ProblemException.badField("lang", "lang must be zh or en");
    }

}
