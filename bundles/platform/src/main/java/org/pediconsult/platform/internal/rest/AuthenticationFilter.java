package org.pediconsult.platform.internal.rest;

import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Arrays;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.SecurityContext;

import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.rest.PublicEndpoint;
import org.pediconsult.platform.api.rest.RequiresRole;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.pediconsult.platform.api.security.Role;
import org.pediconsult.platform.internal.security.TokenService;

/**
 * Authentication on by default: every resource method needs a valid bearer token unless it is
 * {@link PublicEndpoint}; {@link RequiresRole} on the method (or else the class) limits the roles.
 */
final class AuthenticationFilter implements ContainerRequestFilter {
    private final TokenService tokens;

    @Context
    private ResourceInfo resourceInfo;

    AuthenticationFilter(TokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resourceInfo.getResourceMethod();
        if (method != null && method.isAnnotationPresent(PublicEndpoint.class)) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ProblemException(401, "unauthenticated", "a bearer token is required: POST /api/auth/token");
        }
        AuthenticatedUser user = tokens.verify(header.substring(7).trim());
        if (user == null) {
            throw new ProblemException(401, "invalid_token", "the bearer token is invalid or expired; log in again");
        }
        RequiresRole required = method == null ? null : method.getAnnotation(RequiresRole.class);
        if (required == null && resourceInfo.getResourceClass() != null) {
            required = resourceInfo.getResourceClass().getAnnotation(RequiresRole.class);
        }
        if (required != null && Arrays.stream(required.value()).noneMatch(user::has)) {
            throw new ProblemException(403, "forbidden", "this action needs the role "
                    + String.join(" or ", Arrays.stream(required.value()).map(Role::name).toArray(String[]::new)));
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
