package org.pediconsult.pharmacy.internal.rest;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.pharmacy.api.DeliveryDTO;
import org.pediconsult.pharmacy.api.DeliveryState;
import org.pediconsult.pharmacy.api.RefusalReason;
import org.pediconsult.pharmacy.internal.delivery.ColdChain;
import org.pediconsult.pharmacy.internal.delivery.DeliveryOrders;
import org.pediconsult.pharmacy.internal.delivery.Operations;
import org.pediconsult.pharmacy.internal.delivery.rules.ColdChainPolicy;
import org.pediconsult.pharmacy.internal.store.DeliveryStore;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.rest.BodyLimit;
import org.pediconsult.platform.api.rest.RequiresRole;
import org.pediconsult.platform.api.rest.RestResource;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.pediconsult.platform.api.security.Role;

/**
 * {@code /api/deliveries}: delivery orders for the pharmacist (all open), the courier (theirs) and the
 * guardian (their children's); each move at the door; the logger's temperature readings; operations'
 * figures.
 */
@Component(service = RestResource.class)
@Path("deliveries")
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryResource implements RestResource {
    private final DeliveryOrders orders;
    private final ColdChain coldChain;
    private final Operations operations;

    @Activate
    public DeliveryResource(@Reference DeliveryOrders orders, @Reference ColdChain coldChain, @Reference Operations operations) {
        this.orders = orders;
        this.coldChain = coldChain;
        this.operations = operations;
    }

    /** COURIER: assigned to them; GUARDIAN: theirs; PHARMACIST, AUDITOR, INTEGRATION_ADMIN: all open, or {@code ?state=}. */
    @GET
    @RequiresRole({Role.COURIER, Role.GUARDIAN, Role.PHARMACIST, Role.AUDITOR, Role.INTEGRATION_ADMIN})
    public List<DeliveryDTO> list(@Context SecurityContext sc, @QueryParam("state") String state) {
        return orders.list(AuthenticatedUser.of(sc), state(state));
    }

    /** Orders created between {@code from} and {@code to} (days, default the last 30): states, times, failures, alarms. */
    @GET
    @Path("operations")
    @RequiresRole({Role.INTEGRATION_ADMIN, Role.AUDITOR})
    public Map<String, Object> operations(@Context SecurityContext sc, @QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        return operations.figures(AuthenticatedUser.of(sc), day("from", from, today.minusDays(29)), day("to", to, today));
    }

    @GET
    @Path("{id}")
    @RequiresRole({Role.COURIER, Role.GUARDIAN, Role.PHARMACIST, Role.AUDITOR, Role.INTEGRATION_ADMIN})
    public DeliveryDTO get(@Context SecurityContext sc, @PathParam("id") String id) {
        return orders.get(AuthenticatedUser.of(sc), id);
    }

    @GET
    @Path("{id}/readings")
    @RequiresRole({Role.COURIER, Role.GUARDIAN, Role.PHARMACIST, Role.AUDITOR, Role.INTEGRATION_ADMIN})
    public List<DeliveryStore.Reading> readings(@Context SecurityContext sc, @PathParam("id") String id) {
        return coldChain.readings(AuthenticatedUser.of(sc), id);
    }

    /** Body {@code {addressId}}: the guardian chooses where it goes (until dispatch). */
    @POST
    @Path("{id}/address")
    @Consumes(MediaType.APPLICATION_JSON)
    @BodyLimit(1_000)
    @RequiresRole(Role.GUARDIAN)
    public DeliveryDTO address(@Context SecurityContext sc, @PathParam("id") String id, Body body) {
        return orders.chooseAddress(AuthenticatedUser.of(sc), id, body == null ? null : body.addressId);
    }

    /** Body {@code {courier}}. */
    @POST
    @Path("{id}/assignment")
    @Consumes(MediaType.APPLICATION_JSON)
    @BodyLimit(1_000)
    @RequiresRole(Role.PHARMACIST)
    public DeliveryDTO assign(@Context SecurityContext sc, @PathParam("id") String id, Body body) {
        return orders.assign(AuthenticatedUser.of(sc), id, body == null ? null : body.courier);
    }

    /** Body {@code {sealNumber}}: picked up with its tamper seal; the door code is texted to the guardian. */
    @POST
    @Path("{id}/dispatch")
    @Consumes(MediaType.APPLICATION_JSON)
    @BodyLimit(1_000)
    @RequiresRole(Role.COURIER)
    public DeliveryDTO dispatch(@Context SecurityContext sc, @PathParam("id") String id, Body body) {
        return orders.dispatch(AuthenticatedUser.of(sc), id, body == null ? null : body.sealNumber);
    }

    /** Body {@code {code, sealIntact}}: handed over at the door with the family's code. */
    @POST
    @Path("{id}/handover")
    @Consumes(MediaType.APPLICATION_JSON)
    @BodyLimit(1_000)
    @RequiresRole(Role.COURIER)
    public DeliveryDTO handOver(@Context SecurityContext sc, @PathParam("id") String id, Body body) {
        if (body == null) {
            throw ProblemException.badField("code", "send {code, sealIntact}");
        }
        return orders.handOver(AuthenticatedUser.of(sc), id, body.code, body.sealIntact == null || body.sealIntact);
    }

    /** The guardian confirms receipt in the app. */
    @POST
    @Path("{id}/receipt")
    @RequiresRole(Role.GUARDIAN)
    public DeliveryDTO receipt(@Context SecurityContext sc, @PathParam("id") String id) {
        return orders.confirmReceipt(AuthenticatedUser.of(sc), id);
    }

    /** Texts a new door code to the guardian. */
    @POST
    @Path("{id}/code")
    @RequiresRole({Role.COURIER, Role.GUARDIAN})
    public DeliveryDTO code(@Context SecurityContext sc, @PathParam("id") String id) {
        return orders.newCode(AuthenticatedUser.of(sc), id);
    }

    /** Body {@code {reason, note}}. */
    @POST
    @Path("{id}/refusal")
    @Consumes(MediaType.APPLICATION_JSON)
    @BodyLimit(2_000)
    @RequiresRole(Role.COURIER)
    public DeliveryDTO refuse(@Context SecurityContext sc, @PathParam("id") String id, Body body) {
        RefusalReason reason;
        try {
            reason = body == null || body.reason == null ? null : RefusalReason.valueOf(body.reason);
        } catch (IllegalArgumentException e) {
            reason = null;
        }
        return orders.refuse(AuthenticatedUser.of(sc), id, reason, body == null ? null : body.note);
    }

    /** Body {@code {note}}. */
    @POST
    @Path("{id}/failed-attempt")
    @Consumes(MediaType.APPLICATION_JSON)
    @BodyLimit(2_000)
    @RequiresRole(Role.COURIER)
    public DeliveryDTO failedAttempt(@Context SecurityContext sc, @PathParam("id") String id, Body body) {
        return orders.failedAttempt(AuthenticatedUser.of(sc), id, body == null ? null : body.note);
    }

    @POST
    @Path("{id}/retry")
    @RequiresRole({Role.COURIER, Role.PHARMACIST})
    public DeliveryDTO retry(@Context SecurityContext sc, @PathParam("id") String id) {
        return orders.retry(AuthenticatedUser.of(sc), id);
    }

    @POST
    @Path("{id}/return")
    @RequiresRole({Role.COURIER, Role.PHARMACIST})
    public DeliveryDTO returned(@Context SecurityContext sc, @PathParam("id") String id) {
        return orders.returned(AuthenticatedUser.of(sc), id);
    }

    /** Body {@code {note}}: a returned parcel is quarantined, never restocked. */
    @POST
    @Path("{id}/quarantine")
    @Consumes(MediaType.APPLICATION_JSON)
    @BodyLimit(2_000)
    @RequiresRole(Role.PHARMACIST)
    public DeliveryDTO quarantine(@Context SecurityContext sc, @PathParam("id") String id, Body body) {
        return orders.quarantine(AuthenticatedUser.of(sc), id, body == null ? null : body.note);
    }

    /** Body {@code [{readingId, at, celsius}]}, at most 500: idempotent by readingId. */
    @POST
    @Path("{id}/temperatures")
    @Consumes(MediaType.APPLICATION_JSON)
    @BodyLimit(100_000)
    @RequiresRole(Role.COURIER)
    public ColdChain.Upload temperatures(@Context SecurityContext sc, @PathParam("id") String id, List<ReadingBody> body) {
        List<ColdChainPolicy.Reading> readings = new ArrayList<>();
        if (body != null) {
            for (ReadingBody r : body) {
                readings.add(r == null ? null : new ColdChainPolicy.Reading(r.readingId, r.at,
                        r.celsius == null ? Double.NaN : r.celsius));
            }
        }
        return coldChain.record(AuthenticatedUser.of(sc), id, readings);
    }

    private static DeliveryState state(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return DeliveryState.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("state", "one of " + java.util.Arrays.toString(DeliveryState.values()));
        }
    }

    private static LocalDate day(String field, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badField(field, "a day, YYYY-MM-DD");
        }
    }

    /** The small bodies of the moves. */
    public static final class Body {
        public String addressId;
        public String courier;
        public String sealNumber;
        public String code;
        public Boolean sealIntact;
        public String reason;
        public String note;
    }

    public static final class ReadingBody {
        public String readingId;
        public java.time.Instant at;
        public Double celsius;
    }
}
