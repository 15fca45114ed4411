package org.pediconsult.platform.internal.rest;

import javax.ws.rs.Consumes;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.rest.Authenticated;
import org.pediconsult.platform.api.rest.OneTimeCodeEndpoint;
import org.pediconsult.platform.api.rest.PublicEndpoint;
import org.pediconsult.platform.api.rest.RequiresRole;
import org.pediconsult.platform.api.rest.RestResource;
import org.pediconsult.platform.api.security.Role;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.pediconsult.platform.internal.accounts.PasswordReset;
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

    /**
     * The token answer, in OAuth 2 token-response form; {@code password_change_required}: the password is
     * a temporary one, and the token is good only for {@code POST /api/auth/password}.
     */
    public static class TokenResponse {
        public String access_token;
        public String token_type = "Bearer";
        public int expires_in;
        public boolean password_change_required;
    }

    /** The password change body. */
    public static class PasswordChange {
        public String currentPassword;
        public String newPassword;
    }

    /** The body asking for a reset code. */
    public static class ResetCodeRequest {
        public String phone;
    }

    /** The reset body: the number, the code of the text message and the new password. */
    public static class Reset {
        public String phone;
        public String code;
        public String newPassword;
    }

    /** When the code (if any) expires. */
    public static class CodeSent {
        public int expiresIn;
        public String detail;
    }

    private final PasswordReset resets;

    @Activate
    public AuthResource(@Reference TokenService tokens, @Reference PasswordReset resets) {
        this.tokens = tokens;
        this.resets = resets;
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
        return answer(tokens.login(credentials.username.trim(), credentials.password.toCharArray()));
    }

    private TokenResponse answer(TokenService.Login login) {
        TokenResponse answer = new TokenResponse();
        answer.access_token = login.token();
        answer.expires_in = tokens.ttlSeconds();
        answer.password_change_required = login.passwordChangeRequired();
        return answer;
    }

    /**
     * The caller changes their own password (a temporary one included): the current password is checked
     * again, every other token of the account is revoked, and a new token is answered.
     */
    @POST
    @Path("password")
    @Authenticated
    @AllowedBeforePasswordChange
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public TokenResponse changePassword(@Context SecurityContext security, PasswordChange body) {
        if (body == null || body.currentPassword == null || body.currentPassword.isEmpty() || body.currentPassword.length() > 200) {
            throw ProblemException.badField("currentPassword", "the current password is required");
        }
        if (body.newPassword == null) {
            throw ProblemException.badField("newPassword", "the new password is required");
        }
        return answer(tokens.changePassword(AuthenticatedUser.of(security).username(), body.currentPassword.toCharArray(),
                body.newPassword.toCharArray()));
    }

    /** Sends a password reset code to the number when an account has it; the same answer when none has. */
    @POST
    @Path("password-reset/code")
    @PublicEndpoint
    @OneTimeCodeEndpoint
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response resetCode(ResetCodeRequest body) {
        if (body == null) {
            throw new ProblemException(400, "body_required", "send {\"phone\": ...}");
        }
        CodeSent sent = new CodeSent();
        sent.expiresIn = resets.sendCode(body.phone);
        sent.detail = "if an account has this mobile number, a code was sent to it";
        return Response.accepted(sent).build();
    }

    /** Sets a new password with the code of the text message; the account's tokens are revoked. Log in afterwards. */
    @POST
    @Path("password-reset")
    @PublicEndpoint
    @OneTimeCodeEndpoint
    @Consumes(MediaType.APPLICATION_JSON)
    public Response reset(Reset body) {
        if (body == null) {
            throw new ProblemException(400, "body_required", "send {\"phone\": ..., \"code\": ..., \"newPassword\": ...}");
        }
        if (body.newPassword == null) {
            throw ProblemException.badField("newPassword", "the new password is required");
        }
        resets.reset(body.phone, body.code, body.newPassword.toCharArray());
        return Response.noContent().build();
    }

    /**
     * Revokes the caller's bearer token: 204, and from then on the token is refused (401) on every node
     * until it would have expired. Any signed-in user may log out (every role is listed).
     */
    @POST
    @Path("logout")
    @RequiresRole({Role.GUARDIAN, Role.PHYSICIAN, Role.PHARMACIST, Role.COURIER, Role.INTEGRATION_ADMIN, Role.AUDITOR,
            Role.FRONT_DESK, Role.BILLING, Role.SYSTEM_HIS, Role.SYSTEM_INSURER})
    @AllowedBeforePasswordChange
    public Response logout(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        // the authentication filter has checked the header: a valid, unrevoked bearer token
        if (!tokens.logout(authorization.substring(7).trim())) {
            throw new ProblemException(401, "invalid_token", "the bearer token is invalid or expired; log in again");
        }
        return Response.noContent().build();
    }
}
