package org.pediconsult.consultation.internal.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
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
import org.pediconsult.consultation.api.dto.PhysicianDTO;
import org.pediconsult.consultation.api.dto.SlotDTO;
import org.pediconsult.consultation.internal.service.PeopleService;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.rest.Authenticated;
import org.pediconsult.platform.api.rest.RequiresRole;
import org.pediconsult.platform.api.rest.RestResource;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.pediconsult.platform.api.security.Role;

/** {@code /api/physicians}: administrators register physicians; physicians and administrators open slots. */
@Component(service = RestResource.class)
@Path("physicians")
@Produces(MediaType.APPLICATION_JSON)
public class PhysicianResource implements RestResource {
    private final PeopleService people;

    /** Body of POST /api/physicians. */
    public static class NewPhysician {
        public String username;
        public String familyName;
        public String givenName;
        public String licenceNumber;
        public LocalDate practiceSince;
        public String title;
        public String institution;
        public List<String> specialties;
        public Boolean whitelisted;
    }

    /** One slot in POST /api/physicians/{id}/slots. */
    public static class NewSlot {
        public Instant startsAt;
        public Integer minutes;
    }

    @Activate
    public PhysicianResource(@Reference PeopleService people) {
        this.people = people;
    }

    @GET
    @Authenticated
    public List<PhysicianDTO> list() {
        return people.physicians();
    }

    @GET
    @Path("{id}")
    @Authenticated
    public PhysicianDTO get(@PathParam("id") String id) {
        return people.physician(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.INTEGRATION_ADMIN)
    public Response register(@Context SecurityContext sc, NewPhysician body) {
        Require.body(body);
        PhysicianDTO p = new PhysicianDTO();
        p.username = Require.text("username", body.username, 100).trim().toLowerCase(java.util.Locale.ROOT);
        p.familyName = Require.text("familyName", body.familyName, 100);
        p.givenName = Require.text("givenName", body.givenName, 100);
        p.licenceNumber = Require.text("licenceNumber", body.licenceNumber, 50);
        p.practiceSince = Require.present("practiceSince", body.practiceSince);
        if (p.practiceSince.isAfter(LocalDate.now())) {
            throw ProblemException.badField("practiceSince", "practiceSince cannot be in the future");
        }
        p.title = Require.optionalText("title", body.title, 100);
        p.institution = Require.text("institution", body.institution, 100);
        p.specialties = new ArrayList<>(Require.present("specialties", body.specialties));
        for (int i = 0; i < p.specialties.size(); i++) {
            String s = p.specialties.get(i);
            if (s == null || !s.matches("[a-z][a-z0-9-]{1,59}")) {
                throw ProblemException.badField("specialties[" + i + "]", "a specialty id: lower-case letters, digits and '-'");
            }
        }
        p.whitelisted = Boolean.TRUE.equals(body.whitelisted);
        return Response.status(201).entity(people.registerPhysician(AuthenticatedUser.of(sc), p)).build();
    }

    /** Body of POST /api/physicians/{id}/account: a mobile number for reset codes, optional. */
    public static class NewLogin {
        public String phone;
    }

    /**
     * A login for this physician, named by the profile's user name, so eligibility and consultations follow
     * it; answered with a temporary password, shown once and changed at the first login.
     */
    @POST
    @Path("{id}/account")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole(Role.INTEGRATION_ADMIN)
    public Response account(@Context SecurityContext sc, @PathParam("id") String id, NewLogin body) {
        char[] password = org.pediconsult.platform.api.security.TemporaryPasswords.generate();
        var account = people.createPhysicianAccount(AuthenticatedUser.of(sc), id, body == null ? null : body.phone, password);
        return Response.status(201).entity(java.util.Map.of("account", account, "temporaryPassword", new String(password))).build();
    }

    @GET
    @Path("{id}/slots")
    @Authenticated
    public List<SlotDTO> slots(@PathParam("id") String id, @QueryParam("free") @DefaultValue("true") boolean free) {
        return people.slots(id, free);
    }

    @POST
    @Path("{id}/slots")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresRole({Role.PHYSICIAN, Role.INTEGRATION_ADMIN})
    public Response addSlots(@Context SecurityContext sc, @PathParam("id") String id, List<NewSlot> body) {
        Require.body(body);
        if (body.isEmpty() || body.size() > 500) {
            throw ProblemException.badField("slots", "send 1 to 500 slots");
        }
        List<SlotDTO> slots = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            NewSlot n = Require.present("[" + i + "]", body.get(i));
            SlotDTO s = new SlotDTO();
            s.startsAt = Require.present("[" + i + "].startsAt", n.startsAt);
            s.minutes = Require.present("[" + i + "].minutes", n.minutes);
            if (s.minutes < 5 || s.minutes > 120) {
                throw ProblemException.badField("[" + i + "].minutes", "minutes must be between 5 and 120");
            }
            slots.add(s);
        }
        return Response.status(201).entity(people.addSlots(AuthenticatedUser.of(sc), id, slots)).build();
    }
}
