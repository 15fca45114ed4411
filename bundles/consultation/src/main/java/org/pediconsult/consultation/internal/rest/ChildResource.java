package org.pediconsult.consultation.internal.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
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
import org.pediconsult.consultation.api.ChildRecords;
import org.pediconsult.consultation.api.dto.AllergyDTO;
import org.pediconsult.consultation.api.dto.ChildDTO;
import org.pediconsult.consultation.api.dto.ObservationDTO;
import org.pediconsult.consultation.internal.service.PeopleService;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.rest.BodyLimit;
import org.pediconsult.platform.api.rest.RequiresRole;
import org.pediconsult.platform.api.rest.RestResource;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.pediconsult.platform.api.security.Role;

/** {@code /api/children}: a guardian's children; physicians see the children of their consults. */
@Component(service = RestResource.class)
@Path("children")
@Produces(MediaType.APPLICATION_JSON)
public class ChildResource implements RestResource {
    private static final Set<String> SEXES = Set.of("FEMALE", "MALE", "OTHER", "UNKNOWN");
    private final PeopleService people;
    private final ChildRecords records;

    @Activate
    public ChildResource(@Reference PeopleService people, @Reference ChildRecords records) {
        this.people = people;
        this.records = records;
    }

    @GET
    @RequiresRole({Role.GUARDIAN, Role.PHYSICIAN, Role.INTEGRATION_ADMIN, Role.AUDITOR})
    public List<ChildDTO> list(@Context SecurityContext sc) {
        return people.children(AuthenticatedUser.of(sc));
    }

    @GET
    @Path("{id}")
    @RequiresRole({Role.GUARDIAN, Role.PHYSICIAN, Role.INTEGRATION_ADMIN, Role.AUDITOR})
    public ChildDTO get(@Context SecurityContext sc, @PathParam("id") String id) {
        return people.child(AuthenticatedUser.of(sc), id);
    }

    /** Observations from the hospital (HL7 ORU), newest first; {@code ?code=} keeps one code (e.g. LOINC 8302-2). */
    @GET
    @Path("{id}/observations")
    @RequiresRole({Role.GUARDIAN, Role.PHYSICIAN, Role.INTEGRATION_ADMIN, Role.AUDITOR})
    public List<ObservationDTO> observations(@Context SecurityContext sc, @PathParam("id") String id,
                                             @QueryParam("code") String code) {
        return records.observations(AuthenticatedUser.of(sc), id, Require.optionalText("code", code, 100));
    }

    /** The child's recorded allergies (ingredients or drug classes), oldest first. */
    @GET
    @Path("{id}/allergies")
    @RequiresRole({Role.GUARDIAN, Role.PHYSICIAN, Role.INTEGRATION_ADMIN, Role.AUDITOR})
    public List<AllergyDTO> allergies(@Context SecurityContext sc, @PathParam("id") String id) {
        return records.allergies(AuthenticatedUser.of(sc), id);
    }

    /** Body {@code {substance, reaction}}: a guardian of the child or its physician records an allergy. */
    @POST
    @Path("{id}/allergies")
    @Consumes(MediaType.APPLICATION_JSON)
    @BodyLimit(2_000)
    @RequiresRole({Role.GUARDIAN, Role.PHYSICIAN})
    public Response addAllergy(@Context SecurityContext sc, @PathParam("id") String id, AllergyDTO body) {
        AllergyDTO a = records.addAllergy(AuthenticatedUser.of(sc), id, body == null ? null : body.substance,
                body == null ? null : body.reaction);
        return Response.status(201).entity(a).build();
    }

    @DELETE
    @Path("{id}/allergies/{allergyId}")
    @RequiresRole({Role.GUARDIAN, Role.PHYSICIAN})
    public Response removeAllergy(@Context SecurityContext sc, @PathParam("id") String id,
                                  @PathParam("allergyId") String allergyId) {
        records.removeAllergy(AuthenticatedUser.of(sc), id, allergyId);
        return Response.noContent().build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.GUARDIAN)
    public Response register(@Context SecurityContext sc, PeopleResources.NewChild body) {
        Require.body(body);
        ChildDTO child = new ChildDTO();
        child.familyName = Require.text("familyName", body.familyName, 100);
        child.givenName = Require.text("givenName", body.givenName, 100);
        child.sex = Require.text("sex", body.sex, 10);
        if (!SEXES.contains(child.sex)) {
            throw ProblemException.badField("sex", "sex must be one of " + SEXES);
        }
        child.birthDate = Require.present("birthDate", body.birthDate);
        if (child.birthDate.isAfter(LocalDate.now()) || child.birthDate.isBefore(LocalDate.now().minusYears(19))) {
            throw ProblemException.badField("birthDate", "birthDate must be a past date of a child under 19");
        }
        child.idType = Require.optionalText("idType", body.idType, 30);
        child.idValue = Require.optionalText("idValue", body.idValue, 64);
        String relationship = Require.code("relationship", body.relationship);
        return Response.status(201).entity(people.registerChild(AuthenticatedUser.of(sc), child, relationship)).build();
    }

    /** The hospital verified the guardian's relationship to this child (VERIFIED, with the method) or refused it (REFUSED, with the reason). */
    @POST
    @Path("{id}/guardianship-verification")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole({Role.FRONT_DESK, Role.INTEGRATION_ADMIN, Role.SYSTEM_HIS})
    public ChildDTO verifyGuardianship(@Context SecurityContext sc, @PathParam("id") String id,
                                       PeopleResources.Verification body) {
        Require.body(body);
        if (Verdicts.refused(body)) {
            return people.refuseGuardianship(AuthenticatedUser.of(sc), id, Require.text("guardianId", body.guardianId, 36),
                    Verdicts.reason(body));
        }
        return people.verifyGuardianship(AuthenticatedUser.of(sc), id, Require.text("guardianId", body.guardianId, 36),
                Require.code("method", body.method));
    }
}
