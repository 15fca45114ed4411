package org.pediconsult.specialty.growth.internal.chart;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.consultation.api.ChildRecords;
import org.pediconsult.consultation.api.dto.AssessmentDTO;
import org.pediconsult.consultation.api.dto.ChildDTO;
import org.pediconsult.growth.who.GrowthStandards;
import org.pediconsult.growth.who.Sex;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.rest.RequiresRole;
import org.pediconsult.platform.api.rest.RestResource;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.pediconsult.platform.api.security.Role;
import org.pediconsult.specialty.growth.GrowthSpecialty;

/**
 * {@code GET /api/growth/chart?child=<id>&indicator=<name>}: a child's growth chart data, for any
 * authenticated caller who may see the child. {@link ChildRecords} does the object check (404 for a
 * child the caller may not see) and audits the reads.
 */
@Component(service = RestResource.class)
@Path("growth")
@Produces(MediaType.APPLICATION_JSON)
public class GrowthChartResource implements RestResource {
    private final ChildRecords records;
    private final GrowthChartBuilder charts;

    @Activate
    public GrowthChartResource(@Reference ChildRecords records) {
        this(records, new GrowthChartBuilder(GrowthStandards.who()));
    }

    GrowthChartResource(ChildRecords records, GrowthChartBuilder charts) {
        this.records = records;
        this.charts = charts;
    }

    @GET
    @Path("chart")
    @RequiresRole({Role.GUARDIAN, Role.PHYSICIAN, Role.INTEGRATION_ADMIN, Role.AUDITOR})
    public GrowthChart chart(@Context SecurityContext security, @QueryParam("child") String childId,
                             @QueryParam("indicator") String indicator) {
        if (childId == null || childId.isBlank()) {
            throw ProblemException.badField("child", "the query parameter child (the child's id) is required");
        }
        ChartIndicator chart = ChartIndicator.byParam(indicator).orElseThrow(() -> ProblemException.badField(
                "indicator", "indicator must be one of " + ChartIndicator.params()));
        AuthenticatedUser caller = AuthenticatedUser.of(security);
        ChildDTO child = records.child(caller, childId);
        Sex sex = whoSex(child.sex);
        List<AssessmentDTO> assessments = records.assessments(caller, childId, GrowthSpecialty.ID);
        return charts.build(childId, chart, sex, child.birthDate, assessments);
    }

    /** The WHO standards are sex-specific: a chart for a child recorded as OTHER or UNKNOWN would pick one arbitrarily. */
    private static Sex whoSex(String sex) {
        if ("MALE".equals(sex)) {
            return Sex.MALE;
        }
        if ("FEMALE".equals(sex)) {
            return Sex.FEMALE;
        }
        throw new ProblemException(422, "no_growth_standard",
                "the WHO growth standards are sex-specific and the child's recorded sex is neither male nor female",
                "child");
    }
}
