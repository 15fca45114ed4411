package org.pediconsult.platform.internal.rest;

import java.lang.reflect.Method;
import java.security.Principal;
import java.util.List;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.SecurityContext;

import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.rest.AccessDeclarations;
import org.pediconsult.platform.api.rest.Authenticated;
import org.pediconsult.platform.api.rest.PublicEndpoint;
import org.pediconsult.platform.api.rest.RequiresRole;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.pediconsult.platform.api.security.Role;
import org.pediconsult.platform.internal.security.TokenService;

/**
 * Authentication on by default, authorization fails closed: a method marked {@link PublicEndpoint}
 * answers without a token; every other needs a valid bearer token, and then a declaration of who may
 * call it ({@link RequiresRole}, or {@link Authenticated} for any role; the method's, else the class's).
 * A method that declares nobody is refused to everyone (403): the endpoint does not even serve such a
 * resource ({@link RestApplication}), this is the second line.
 */
final class AuthenticationFilter implements ContainerRequestFilter {
    /** Request property: the authenticated user's name, set as soon as the token verifies. */
    static final String CALLER = "pediconsult.caller";
    private final TokenService tokens;

    @Context
    private ResourceInfo resourceInfo;

    AuthenticationFilter(TokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resourceInfo.getResourceMethod();
        Class<?> resourceClass = resourceInfo.getResourceClass();
        AccessDeclarations.Kind kind = method == null || resourceClass == null ? AccessDeclarations.Kind.UNDECLARED
                : AccessDeclarations.kind(resourceClass, method);
        if (kind == AccessDeclarations.Kind.PUBLIC) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ProblemException(401, "unauthenticated", "a bearer token is required: POST /api/auth/token");
        }
        TokenService.Bearer bearer = tokens.bearer(header.substring(7).trim());
        if (bearer == null) {
            throw new ProblemException(401, "invalid_token", "the bearer token is invalid or expired; log in again");
        }
        AuthenticatedUser user = bearer.user();
        request.setProperty(CALLER, user.username()); // who was refused, should a check below refuse
        if (bearer.passwordChangeOnly() && (method == null || !method.isAnnotationPresent(AllowedBeforePasswordChange.class))) {
            throw new ProblemException(403, "password_change_required", "this account has a temporary password: "
                    + "change it first (POST /api/auth/password)");
        }
        if (kind == AccessDeclarations.Kind.UNDECLARED) {
            throw new ProblemException(403, "forbidden", "this action declares no role that may call it");
        }
        List<Role> roles = AccessDeclarations.roles(resourceClass, method);
        if (kind == AccessDeclarations.Kind.ROLES && roles.stream().noneMatch(user::has)) {
            throw new ProblemException(403, "forbidden", "this action needs the role "
                    + String.join(" or ", roles.stream().map(Role::name).toArray(String[]::new)));
        }
        boolean secure = request.getSecurityContext().isSecure();
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return user;
            }

            @Override
            public boolean isUserInRole(String role) {
                Role r = Role.fromName(role);
                return r != null && user.has(r);
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return "Bearer";
            }
        });
    }
}
