package org.pediconsult.consultation.internal.rest;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import org.pediconsult.platform.api.rest.BodyLimit;
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
import org.pediconsult.consultation.api.dto.GuardianDTO;
import org.pediconsult.consultation.internal.service.PeopleService;
import org.pediconsult.platform.api.rest.RequiresRole;
import org.pediconsult.platform.api.rest.RestResource;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.pediconsult.platform.api.security.Role;

/** {@code /api/guardians}: guardian profiles and the hospital's verification of their identity. */
@Component(service = RestResource.class)
@Path("guardians")
@Produces(MediaType.APPLICATION_JSON)
public class GuardianResource implements RestResource {
    private final PeopleService people;

    /** Body of POST /api/guardians. */
    public static class NewGuardian {
        /** Set by administrators and the HIS only; a guardian's own profile takes their login. */
        public String username;
        public String familyName;
        public String givenName;
        public String phone;
        public String idType;
        public String idValue;
    }

    @Activate
    public GuardianResource(@Reference PeopleService people) {
        this.people = people;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole({Role.GUARDIAN, Role.INTEGRATION_ADMIN, Role.SYSTEM_HIS})
    public Response register(@Context SecurityContext sc, NewGuardian body) {
        Require.body(body);
        GuardianDTO g = new GuardianDTO();
        g.username = Require.optionalText("username", body.username, 100);
        g.familyName = Require.text("familyName", body.familyName, 100);
        g.givenName = Require.text("givenName", body.givenName, 100);
        g.phone = Require.optionalText("phone", body.phone, 30);
        g.idType = Require.optionalText("idType", body.idType, 30);
        g.idValue = Require.optionalText("idValue", body.idValue, 64);
        return Response.status(201).entity(people.registerGuardian(AuthenticatedUser.of(sc), g)).build();
    }

    @GET
    @Path("me")
    @RequiresRole(Role.GUARDIAN)
    public GuardianDTO me(@Context SecurityContext sc) {
        return people.me(AuthenticatedUser.of(sc));
    }

    /** Body of PUT /api/guardians/me/city. */
    public static class CityBody {
        public String city;
    }

    /** The family's city (pilot report, travel saved): a city of the suite's city table; null or "" clears it. */
    @PUT
    @Path("me/city")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.GUARDIAN)
    @BodyLimit(1_000)
    public GuardianDTO setCity(@Context SecurityContext sc, CityBody body) {
        Require.body(body);
        return people.setCity(AuthenticatedUser.of(sc), body.city);
    }

    /** Body of PUT /api/guardians/me/id-document. */
    public static class IdDocument {
        public String idType;
        public String idValue;
    }

    /** The guardian corrects their ID document before it is verified (after a refusal, say): it waits for the desk again. */
    @PUT
    @Path("me/id-document")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.GUARDIAN)
    public GuardianDTO correctIdDocument(@Context SecurityContext sc, IdDocument body) {
        Require.body(body);
        return people.correctIdDocument(AuthenticatedUser.of(sc), body.idType, body.idValue);
    }

    /** The hospital verified this guardian's identity ({@code decision} VERIFIED, with the method) or refused it (REFUSED, with the reason). */
    @POST
    @Path("{id}/verification")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole({Role.FRONT_DESK, Role.INTEGRATION_ADMIN, Role.SYSTEM_HIS})
    public GuardianDTO verify(@Context SecurityContext sc, @PathParam("id") String id, PeopleResources.Verification body) {
        Require.body(body);
        if (Verdicts.refused(body)) {
            return people.refuseGuardian(AuthenticatedUser.of(sc), id, Verdicts.reason(body));
        }
        return people.verifyGuardian(AuthenticatedUser.of(sc), id, Require.code("method", body.method));
    }
}
