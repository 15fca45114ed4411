package org.pediconsult.consultation.internal.rest;

import javax.ws.rs.DefaultValue;
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
import org.pediconsult.consultation.internal.service.PeopleService;
import org.pediconsult.platform.api.rest.RequiresRole;
import org.pediconsult.platform.api.rest.RestResource;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.pediconsult.platform.api.security.Role;

/**
 * {@code GET /api/verifications}: the front desk's queue, the guardians' identities and relationships
 * to a child that wait for the hospital, with the documents' details. Decisions go to
 * {@code POST /api/guardians/{id}/verification} and {@code POST /api/children/{id}/guardianship-verification}.
 */
@Component(service = RestResource.class)
@Path("verifications")
@Produces(MediaType.APPLICATION_JSON)
public class VerificationResource implements RestResource {
    private final PeopleService people;

    @Activate
    public VerificationResource(@Reference PeopleService people) {
        this.people = people;
    }

    @GET
    @RequiresRole({Role.FRONT_DESK, Role.INTEGRATION_ADMIN})
    public PeopleService.VerificationQueue queue(@Context SecurityContext sc, @QueryParam("limit") @DefaultValue("50") int limit) {
        return people.verificationQueue(AuthenticatedUser.of(sc), limit);
    }
}
