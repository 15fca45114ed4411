package org.pediconsult.claim.internal.rest;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.claim.api.ClaimDTO;
import org.pediconsult.claim.api.CoverageDTO;
import org.pediconsult.claim.internal.service.Coverages;
import org.pediconsult.platform.api.rest.BodyLimit;
import org.pediconsult.platform.api.rest.RequiresRole;
import org.pediconsult.platform.api.rest.RestResource;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.pediconsult.platform.api.security.Role;

/** What a family sees: a consultation's claims, and a child's coverage. */
public final class FamilyClaimResources {
    private FamilyClaimResources() {
    }

    @Component(service = RestResource.class)
    @Path("consultations/{id}/claims")
    @Produces(MediaType.APPLICATION_JSON)
    public static class ConsultationClaims implements RestResource {
        private final Coverages coverages;

        @Activate
        public ConsultationClaims(@Reference Coverages coverages) {
            this.coverages = coverages;
        }

        @GET
        @RequiresRole({Role.GUARDIAN, Role.BILLING, Role.AUDITOR})
        public List<ClaimDTO> of(@Context SecurityContext sc, @PathParam("id") String id) {
            return coverages.claimsOfConsultation(AuthenticatedUser.of(sc), id);
        }
    }

    @Component(service = RestResource.class)
    @Path("children/{id}/coverage")
    @Produces(MediaType.APPLICATION_JSON)
    public static class ChildCoverage implements RestResource {
        private final Coverages coverages;

        @Activate
        public ChildCoverage(@Reference Coverages coverages) {
            this.coverages = coverages;
        }

        @GET
        @RequiresRole({Role.GUARDIAN, Role.BILLING, Role.AUDITOR})
        public CoverageDTO get(@Context SecurityContext sc, @PathParam("id") String id) {
            return coverages.get(AuthenticatedUser.of(sc), id);
        }

        @PUT
        @Consumes(MediaType.APPLICATION_JSON)
        @BodyLimit(4_000)
        @RequiresRole(Role.GUARDIAN)
        public CoverageDTO put(@Context SecurityContext sc, @PathParam("id") String id, CoverageDTO body) {
            return coverages.put(AuthenticatedUser.of(sc), id, body);
        }
    }
}
