package org.pediconsult.consultation.internal.rest;

import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.consultation.api.dto.AssessmentDTO;
import org.pediconsult.consultation.internal.service.ConsultationWorkflow;
import org.pediconsult.platform.api.rest.RequiresRole;
import org.pediconsult.platform.api.rest.RestResource;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.pediconsult.platform.api.security.Role;

/**
 * {@code POST /api/assessments}: the guardian's pre-consultation assessment. Answers 201 with the
 * new consultation and its triage: ASSESSED (book it next) or REFERRED (with the advice).
 */
@Component(service = RestResource.class)
@Path("assessments")
@Produces(MediaType.APPLICATION_JSON)
public class AssessmentResource implements RestResource {
    private final ConsultationWorkflow workflow;

    /** Body of POST /api/assessments. */
    public static class NewAssessment {
        public String childId;
        public String specialtyId;
        public Map<String, Object> answers;
        /** Who answered: GUARDIAN (default) or CHILD (an adolescent, with the guardian present). */
        public String respondent;
    }

    @Activate
    public AssessmentResource(@Reference ConsultationWorkflow workflow) {
        this.workflow = workflow;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.GUARDIAN)
    public Response submit(@Context SecurityContext sc, NewAssessment body) {
        Require.body(body);
        String child = Require.text("childId", body.childId, 36);
        String specialty = Require.text("specialtyId", body.specialtyId, 60);
        Map<String, Object> answers = Require.present("answers", body.answers);
        String respondent = body.respondent == null ? null : Require.text("respondent", body.respondent, 20);
        return Response.status(201).entity(workflow.submitAssessment(AuthenticatedUser.of(sc), child, specialty, answers,
                respondent)).build();
    }

    @GET
    @Path("{id}")
    @RequiresRole({Role.GUARDIAN, Role.PHYSICIAN, Role.INTEGRATION_ADMIN, Role.AUDITOR})
    public AssessmentDTO get(@Context SecurityContext sc, @PathParam("id") String id) {
        return workflow.assessment(AuthenticatedUser.of(sc), id);
    }
}
