package org.pediconsult.prescription.internal.rest;

import java.util.List;

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
import org.pediconsult.platform.api.rest.BodyLimit;
import org.pediconsult.platform.api.rest.RequiresRole;
import org.pediconsult.platform.api.rest.RestResource;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.pediconsult.platform.api.security.Role;
import org.pediconsult.prescription.api.PrescriptionDTO;
import org.pediconsult.prescription.internal.service.Draft;
import org.pediconsult.prescription.internal.service.PrescriptionService;

/**
 * {@code /api/consultations/{id}/prescriptions}: the consultation's physician drafts and checks; the
 * guardian reads the approved ones.
 */
@Component(service = RestResource.class)
@Path("consultations/{id}/prescriptions")
@Produces(MediaType.APPLICATION_JSON)
public class ConsultationPrescriptionResource implements RestResource {
    static final long DRAFT_LIMIT = 64_000;
    private final PrescriptionService prescriptions;

    @Activate
    public ConsultationPrescriptionResource(@Reference PrescriptionService prescriptions) {
        this.prescriptions = prescriptions;
    }

    /** A new draft (201), with the checks' results. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @BodyLimit(DRAFT_LIMIT)
    @RequiresRole(Role.PHYSICIAN)
    public Response create(@Context SecurityContext sc, @PathParam("id") String id, Draft draft) {
        PrescriptionDTO p = prescriptions.create(AuthenticatedUser.of(sc), id, draft);
        return Response.status(201).entity(p).build();
    }

    /** The consultation's prescriptions, oldest first (a guardian sees the approved and dispensed ones). */
    @GET
    @RequiresRole({Role.PHYSICIAN, Role.GUARDIAN, Role.AUDITOR, Role.INTEGRATION_ADMIN})
    public List<PrescriptionDTO> list(@Context SecurityContext sc, @PathParam("id") String id) {
        return prescriptions.ofConsultation(AuthenticatedUser.of(sc), id);
    }

    /** The checks of a draft as the physician types, nothing saved: the same rules as signing. */
    @POST
    @Path("check")
    @Consumes(MediaType.APPLICATION_JSON)
    @BodyLimit(DRAFT_LIMIT)
    @RequiresRole(Role.PHYSICIAN)
    public PrescriptionService.Checked check(@Context SecurityContext sc, @PathParam("id") String id, Draft draft) {
        return prescriptions.check(AuthenticatedUser.of(sc), id, draft);
    }
}
