package org.pediconsult.consultation.internal.rest;

import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.consultation.internal.service.SignUpService;
import org.pediconsult.platform.api.rest.OneTimeCodeEndpoint;
import org.pediconsult.platform.api.rest.PublicEndpoint;
import org.pediconsult.platform.api.rest.RestResource;

/**
 * A family signs up: {@code POST /api/signup/code} {@code {"phone"}} sends a code by text message;
 * {@code POST /api/signup} with the code, a password, the guardian's name and ID document makes the
 * login (the mobile number) and the unverified profile. Public, and limited per client address and per
 * number (one-time-code limits).
 */
@Component(service = RestResource.class)
@Path("signup")
@Produces(MediaType.APPLICATION_JSON)
public class SignUpResource implements RestResource {
    private final SignUpService signUps;

    /** Body of POST /api/signup/code. */
    public static class CodeRequest {
        public String phone;
    }

    /** Body of POST /api/signup. */
    public static class SignUp {
        public String phone;
        public String code;
        public String password;
        public String familyName;
        public String givenName;
        public String idType;
        public String idValue;
    }

    @Activate
    public SignUpResource(@Reference SignUpService signUps) {
        this.signUps = signUps;
    }

    @POST
    @Path("code")
    @PublicEndpoint
    @OneTimeCodeEndpoint
    @Consumes(MediaType.APPLICATION_JSON)
    public Response code(CodeRequest body) {
        Require.body(body);
        return Response.accepted(Map.of("expiresIn", signUps.sendCode(body.phone))).build();
    }

    @POST
    @PublicEndpoint
    @OneTimeCodeEndpoint
    @Consumes(MediaType.APPLICATION_JSON)
    public Response signUp(SignUp body) {
        Require.body(body);
        return Response.status(201).entity(signUps.signUp(new SignUpService.SignUp(body.phone, body.code, body.password,
                body.familyName, body.givenName, body.idType, body.idValue))).build();
    }
}
