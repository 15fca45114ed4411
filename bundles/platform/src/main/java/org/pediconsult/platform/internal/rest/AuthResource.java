package org.pediconsult.platform.internal.rest;

import javax.ws.rs.Consumes;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.rest.PublicEndpoint;
import org.pediconsult.platform.api.rest.RequiresRole;
import org.pediconsult.platform.api.rest.RestResource;
import org.pediconsult.platform.api.security.Role;
import org.pediconsult.platform.internal.security.TokenService;

/**
 * {@code POST /api/auth/token}: user name and password in, bearer token out (rate-limited per client
 * address and per user name, with lockout). {@code POST /api/auth/logout}: the bearer token is revoked.
 */
@Component(service = RestResource.class)
@Path("auth")
public class AuthResource implements RestResource {
    private final TokenService tokens;

    /** The login body. */
    public static class Credentials {
        public String username;
        public String password;
    }

    /** The token answer, in OAuth 2 token-response form. */
    public static class TokenResponse {
        public String access_token;
        public String token_type = "Bearer";
        public int expires_in;
    }

    @Activate
    public AuthResource(@Reference TokenService tokens) {
        this.tokens = tokens;
    }

    @POST
    @Path("token")
    @PublicEndpoint
    @LoginEndpoint
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public TokenResponse token(Credentials credentials) {
        if (credentials == null) {
            throw new ProblemException(400, "body_required", "send {\"username\": ..., \"password\": ...}");
        }
        if (credentials.username == null || credentials.username.isBlank() || credentials.username.length() > 100) {
            throw ProblemException.badField("username", "username is required (at most 100 characters)");
        }
        if (credentials.password == null || credentials.password.isEmpty() || credentials.password.length() > 200) {
            throw ProblemException.badField("password", "password is required (at most 200 characters)");
        }
        TokenResponse answer = new TokenResponse();
        answer.access_token = tokens.login(credentials.username.trim(), credentials.password.toCharArray());
        answer.expires_in = tokens.ttlSeconds();
        return answer;
    }

    /**
     * Revokes the caller's bearer token: 204, and from then on the token is refused (401) on every node
     * until it would have expired. Any signed-in user may log out (every role is listed).
     */
    @POST
    @Path("logout")
    @RequiresRole({Role.GUARDIAN, Role.PHYSICIAN, Role.PHARMACIST, Role.COURIER, Role.INTEGRATION_ADMIN, Role.AUDITOR,
            Role.SYSTEM_HIS})
    public Response logout(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        // the authentication filter has checked the header: a valid, unrevoked bearer token
        if (!tokens.logout(authorization.substring(7).trim())) {
            throw new ProblemException(401, "invalid_token", "the bearer token is invalid or expired; log in again");
        }
        return Response.noContent().build();
    }
}
