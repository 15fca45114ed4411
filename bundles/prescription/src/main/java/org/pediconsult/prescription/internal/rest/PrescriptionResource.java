package org.pediconsult.prescription.internal.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
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
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.rest.Authenticated;
import org.pediconsult.platform.api.rest.BodyLimit;
import org.pediconsult.platform.api.rest.PublicEndpoint;
import org.pediconsult.platform.api.rest.RequiresRole;
import org.pediconsult.platform.api.rest.RestResource;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.pediconsult.platform.api.security.Role;
import org.pediconsult.prescription.api.PrescriptionDTO;
import org.pediconsult.prescription.api.PrescriptionState;
import org.pediconsult.prescription.api.RejectionCategory;
import org.pediconsult.prescription.internal.service.Draft;
import org.pediconsult.prescription.internal.service.PrescriptionService;
import org.pediconsult.prescription.internal.signature.PrescriptionSigner;

/**
 * {@code /api/prescriptions}: the pharmacist's queue and review, the physician's signature and
 * corrections, and the signature's verification (by anyone signed in, or offline with the public keys).
 */
@Component(service = RestResource.class)
@Path("prescriptions")
@Produces(MediaType.APPLICATION_JSON)
public class PrescriptionResource implements RestResource {
    private static final int QUEUE_LIMIT = 200;
    private final PrescriptionService prescriptions;

    @Activate
    public PrescriptionResource(@Reference PrescriptionService prescriptions) {
        this.prescriptions = prescriptions;
    }

    /** {@code ?state=AWAITING_REVIEW} (default): the pharmacist's queue, oldest signature first, at most 200. */
    @GET
    @RequiresRole({Role.PHARMACIST, Role.AUDITOR, Role.INTEGRATION_ADMIN})
    public List<PrescriptionDTO> queue(@Context SecurityContext sc, @QueryParam("state") String state) {
        return prescriptions.queue(AuthenticatedUser.of(sc), state(state), QUEUE_LIMIT);
    }

    @GET
    @Path("{id}")
    @RequiresRole({Role.PHYSICIAN, Role.PHARMACIST, Role.GUARDIAN, Role.AUDITOR, Role.INTEGRATION_ADMIN})
    public PrescriptionDTO get(@Context SecurityContext sc, @PathParam("id") String id) {
        return prescriptions.get(AuthenticatedUser.of(sc), id);
    }

    /** Changes a draft: body as the draft, with its {@code rowVersion}. */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @BodyLimit(ConsultationPrescriptionResource.DRAFT_LIMIT)
    @RequiresRole(Role.PHYSICIAN)
    public PrescriptionDTO update(@Context SecurityContext sc, @PathParam("id") String id, Draft draft) {
        return prescriptions.update(AuthenticatedUser.of(sc), id, draft);
    }

    /** Body {@code {password, validDays}}: the physician signs (password asked again). */
    @POST
    @Path("{id}/signature")
    @Consumes(MediaType.APPLICATION_JSON)
    @BodyLimit(2_000)
    @RequiresRole(Role.PHYSICIAN)
    public PrescriptionDTO sign(@Context SecurityContext sc, @PathParam("id") String id, SignBody body) {
        if (body == null || body.password == null || body.password.isEmpty() || body.password.length() > 200) {
            throw ProblemException.badField("password", "enter your password to sign");
        }
        return prescriptions.sign(AuthenticatedUser.of(sc), id, body.password.toCharArray(),
                body.validDays == null ? 1 : body.validDays);
    }

    @POST
    @Path("{id}/approval")
    @RequiresRole(Role.PHARMACIST)
    public PrescriptionDTO approve(@Context SecurityContext sc, @PathParam("id") String id) {
        return prescriptions.approve(AuthenticatedUser.of(sc), id);
    }

    /** Body {@code {reason}}: back to the physician. */
    @POST
    @Path("{id}/rejection")
    @Consumes(MediaType.APPLICATION_JSON)
    @BodyLimit(4_000)
    @RequiresRole(Role.PHARMACIST)
    public PrescriptionDTO reject(@Context SecurityContext sc, @PathParam("id") String id, ReasonBody body) {
        return prescriptions.reject(AuthenticatedUser.of(sc), id, body == null ? null : body.reason,
                body == null ? null : category(body.category));
    }

    /** A corrected new version of a rejected prescription (201, a draft). */
    @POST
    @Path("{id}/revision")
    @RequiresRole(Role.PHYSICIAN)
    public Response revise(@Context SecurityContext sc, @PathParam("id") String id) {
        return Response.status(201).entity(prescriptions.revise(AuthenticatedUser.of(sc), id)).build();
    }

    @POST
    @Path("{id}/void")
    @Consumes(MediaType.APPLICATION_JSON)
    @BodyLimit(4_000)
    @RequiresRole(Role.PHYSICIAN)
    public PrescriptionDTO voidIt(@Context SecurityContext sc, @PathParam("id") String id, ReasonBody body) {
        return prescriptions.voidByPhysician(AuthenticatedUser.of(sc), id, body == null ? null : body.reason);
    }

    /** Body {@code {validDays}}: 1 to 3 days from the day of issue. */
    @POST
    @Path("{id}/validity")
    @Consumes(MediaType.APPLICATION_JSON)
    @BodyLimit(1_000)
    @RequiresRole(Role.PHYSICIAN)
    public PrescriptionDTO validity(@Context SecurityContext sc, @PathParam("id") String id, SignBody body) {
        if (body == null || body.validDays == null) {
            throw ProblemException.badField("validDays", "required");
        }
        return prescriptions.validity(AuthenticatedUser.of(sc), id, body.validDays);
    }

    /** The stored signature checked again over the stored content. */
    @GET
    @Path("{id}/verification")
    @RequiresRole({Role.PHYSICIAN, Role.PHARMACIST, Role.GUARDIAN, Role.AUDITOR, Role.INTEGRATION_ADMIN})
    public Map<String, Object> verification(@Context SecurityContext sc, @PathParam("id") String id) {
        PrescriptionDTO p = prescriptions.get(AuthenticatedUser.of(sc), id);
        Map<String, Object> out = answer(prescriptions.verification(AuthenticatedUser.of(sc), id));
        out.put("canonicalContent", p.canonicalContent);
        out.put("signature", p.signature);
        return out;
    }

    /** Body {@code {content, signature}}: does this signature match this content? For anyone signed in. */
    @POST
    @Path("verification")
    @Consumes(MediaType.APPLICATION_JSON)
    @BodyLimit(250_000)
    @Authenticated
    public Map<String, Object> verify(VerifyBody body) {
        if (body == null) {
            throw ProblemException.badField("content", "send {content, signature}");
        }
        return answer(prescriptions.signer().verify(body.content, body.signature));
    }

    /** The public key set (JWKS) for verifying prescriptions offline. */
    @GET
    @Path("signing-keys")
    @PublicEndpoint
    public Map<String, Object> signingKeys() {
        return prescriptions.signer().publicKeys();
    }

    private static Map<String, Object> answer(PrescriptionSigner.Verification v) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("valid", v.valid());
        out.put("algorithm", "RS256");
        out.put("keyId", v.keyId());
        out.put("signedBy", v.signer());
        out.put("signedAt", v.signedAt());
        if (v.problem() != null) {
            out.put("problem", v.problem());
        }
        return out;
    }

    private static PrescriptionState state(String s) {
        if (s == null || s.isBlank()) {
            return PrescriptionState.AWAITING_REVIEW;
        }
        try {
            return PrescriptionState.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("state", "one of AWAITING_REVIEW, APPROVED, REJECTED, VOIDED, EXPIRED, DISPENSED");
        }
    }

    /** {@code {password, validDays}}. */
    public static final class SignBody {
        public String password;
        public Integer validDays;
    }

    /** A rejection category by name; an unknown one is 400 naming the allowed ones; none: OTHER. */
    static RejectionCategory category(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return RejectionCategory.valueOf(name.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("category", "category must be one of " + java.util.Arrays.toString(RejectionCategory.values()));
        }
    }

    public static final class ReasonBody {
        public String reason;
        /** For a rejection: a {@link RejectionCategory} name (optional, OTHER when absent). */
        public String category;
    }

    public static final class VerifyBody {
        public String content;
        public String signature;
    }
}
