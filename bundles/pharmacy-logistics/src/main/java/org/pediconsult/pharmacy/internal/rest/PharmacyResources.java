package org.pediconsult.pharmacy.internal.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.pediconsult.pharmacy.api.AddressDTO;
import org.pediconsult.pharmacy.api.DispenseDTO;
import org.pediconsult.pharmacy.internal.delivery.Addresses;
import org.pediconsult.pharmacy.internal.delivery.DeliveriesService;
import org.pediconsult.pharmacy.internal.dispense.DispenseRequest;
import org.pediconsult.pharmacy.internal.dispense.DispensingService;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.rest.BodyLimit;
import org.pediconsult.platform.api.rest.RequiresRole;
import org.pediconsult.platform.api.rest.RestResource;
import org.pediconsult.platform.api.security.Account;
import org.pediconsult.platform.api.security.Accounts;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.pediconsult.platform.api.security.Role;

/** The smaller resources of the bundle: dispenses, addresses, couriers, a consultation's deliveries. */
public final class PharmacyResources {
    private PharmacyResources() {
    }

    /** {@code /api/dispenses}: a pharmacist dispenses an approved prescription. */
    @Component(service = RestResource.class)
    @Path("dispenses")
    @Produces(MediaType.APPLICATION_JSON)
    public static class DispenseResource implements RestResource {
        private final DispensingService dispensing;

        @Activate
        public DispenseResource(@Reference DispensingService dispensing) {
            this.dispensing = dispensing;
        }

        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        @BodyLimit(32_000)
        @RequiresRole(Role.PHARMACIST)
        public Response dispense(@Context SecurityContext sc, DispenseRequest body) {
            return Response.status(201).entity(dispensing.dispense(AuthenticatedUser.of(sc), body)).build();
        }

        /** {@code ?prescriptionId=}: its dispense record (empty list when not dispensed). */
        @GET
        @RequiresRole({Role.PHARMACIST, Role.AUDITOR, Role.INTEGRATION_ADMIN})
        public List<DispenseDTO> of(@Context SecurityContext sc, @QueryParam("prescriptionId") String prescriptionId) {
            if (prescriptionId == null || prescriptionId.isBlank() || prescriptionId.length() > 36) {
                throw ProblemException.badField("prescriptionId", "required");
            }
            return dispensing.ofPrescription(AuthenticatedUser.of(sc), prescriptionId);
        }
    }

    /** {@code /api/addresses}: a guardian's delivery addresses. */
    @Component(service = RestResource.class)
    @Path("addresses")
    @Produces(MediaType.APPLICATION_JSON)
    public static class AddressResource implements RestResource {
        private final Addresses addresses;

        @Activate
        public AddressResource(@Reference Addresses addresses) {
            this.addresses = addresses;
        }

        @GET
        @RequiresRole(Role.GUARDIAN)
        public List<AddressDTO> list(@Context SecurityContext sc) {
            return addresses.list(AuthenticatedUser.of(sc));
        }

        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        @BodyLimit(4_000)
        @RequiresRole(Role.GUARDIAN)
        public Response add(@Context SecurityContext sc, AddressDTO body) {
            return Response.status(201).entity(addresses.add(AuthenticatedUser.of(sc), body)).build();
        }

        @DELETE
        @Path("{id}")
        @RequiresRole(Role.GUARDIAN)
        public Response remove(@Context SecurityContext sc, @PathParam("id") String id) {
            addresses.remove(AuthenticatedUser.of(sc), id);
            return Response.noContent().build();
        }
    }

    /** {@code /api/couriers}: whom a pharmacist can assign a parcel to. */
    @Component(service = RestResource.class)
    @Path("couriers")
    @Produces(MediaType.APPLICATION_JSON)
    public static class CourierResource implements RestResource {
        private final Accounts accounts;

        @Activate
        public CourierResource(@Reference Accounts accounts) {
            this.accounts = accounts;
        }

        @GET
        @RequiresRole(Role.PHARMACIST)
        public List<Map<String, String>> list() {
            List<Map<String, String>> out = new ArrayList<>();
            for (Account a : accounts.list(true, 0, 500)) {
                if (a.enabled() && a.roles().contains(Role.COURIER)) {
                    Map<String, String> c = new LinkedHashMap<>();
                    c.put("username", a.username());
                    c.put("displayName", a.displayName());
                    out.add(c);
                }
            }
            return out;
        }
    }

    /** {@code /api/consultations/{id}/deliveries}: the physician's timeline, the family's tracking. */
    @Component(service = RestResource.class)
    @Path("consultations/{id}/deliveries")
    @Produces(MediaType.APPLICATION_JSON)
    public static class ConsultationDeliveryResource implements RestResource {
        private final DeliveriesService deliveries;

        @Activate
        public ConsultationDeliveryResource(@Reference DeliveriesService deliveries) {
            this.deliveries = deliveries;
        }

        @GET
        @RequiresRole({Role.PHYSICIAN, Role.GUARDIAN, Role.AUDITOR, Role.INTEGRATION_ADMIN})
        public Map<String, Object> of(@Context SecurityContext sc, @PathParam("id") String id) {
            return deliveries.ofConsultation(AuthenticatedUser.of(sc), id);
        }
    }
}
