package org.pediconsult.platform.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.lang.reflect.Field;
import java.util.EnumSet;
import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.SecurityContext;

import org.junit.jupiter.api.Test;
import org.pediconsult.platform.api.ProblemException;
import org.pediconsult.platform.api.rest.AccessDeclarations;
import org.pediconsult.platform.api.rest.Authenticated;
import org.pediconsult.platform.api.rest.PublicEndpoint;
import org.pediconsult.platform.api.rest.RequiresRole;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.pediconsult.platform.api.security.Role;
import org.pediconsult.platform.internal.security.TokenService;

/** Issue 12: authorization fails closed; a method declares who may call it or nobody may. */
class AuthenticationFilterTest {

    @Path("things")
    public static class Things {
        @GET
        @RequiresRole({Role.GUARDIAN, Role.PHYSICIAN})
        public String roles() {
            return "";
        }

        @GET
        @Path("any")
        @Authenticated
        public String anyone() {
            return "";
        }

        @GET
        @Path("public")
        @PublicEndpoint
        public String open() {
            return "";
        }

        @GET
        @Path("forgotten")
        public String forgotten() {
            return "";
        }
    }

    @Path("admin")
    @RequiresRole(Role.INTEGRATION_ADMIN)
    public static class AdminThings {
        @GET
        public String inherited() {
            return "";
        }

        @GET
        @Path("audit")
        @RequiresRole(Role.AUDITOR)
        public String replaced() {
            return "";
        }
    }

    private static int status(Class<?> resource, String method, AuthenticatedUser user) throws Exception {
        return status(resource, method, user, false);
    }

    private static int status(Class<?> resource, String method, AuthenticatedUser user, boolean passwordChangeOnly) throws Exception {
        TokenService tokens = mock(TokenService.class);
        when(tokens.bearer(any())).thenReturn(new TokenService.Bearer(user, passwordChangeOnly));
        AuthenticationFilter filter = new AuthenticationFilter(tokens);
        ResourceInfo info = mock(ResourceInfo.class);
        java.lang.reflect.Method m = java.util.Arrays.stream(resource.getMethods()).filter(x -> x.getName().equals(method))
                .findFirst().orElseThrow();
        when(info.getResourceMethod()).thenReturn(m);
        when(info.getResourceClass()).thenAnswer(i -> resource);
        Field f = AuthenticationFilter.class.getDeclaredField("resourceInfo");
        f.setAccessible(true);
        f.set(filter, info);
        ContainerRequestContext request = mock(ContainerRequestContext.class);
        when(request.getHeaderString(HttpHeaders.AUTHORIZATION)).thenReturn(user == null ? null : "Bearer t");
        when(request.getSecurityContext()).thenReturn(mock(SecurityContext.class));
        try {
            filter.filter(request);
            return 200;
        } catch (ProblemException e) {
            return e.toProblem().status;
        }
    }

    private static AuthenticatedUser as(Role... roles) {
        return new AuthenticatedUser("someone", roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.of(roles[0], roles));
    }

    @Test
    void aMethodThatDeclaresNobodyIsRefusedToEveryone() throws Exception {
        assertEquals(403, status(Things.class, "forgotten", as(Role.INTEGRATION_ADMIN)));
        assertEquals(401, status(Things.class, "forgotten", null), "and without a token it is 401 first");
        assertEquals(List.of(Things.class.getName() + ".forgotten"), AccessDeclarations.undeclared(Things.class));
    }

    @Test
    void rolesAuthenticatedAndPublicAreHonoured() throws Exception {
        assertEquals(200, status(Things.class, "roles", as(Role.PHYSICIAN)));
        assertEquals(403, status(Things.class, "roles", as(Role.AUDITOR)));
        assertEquals(401, status(Things.class, "roles", null));
        assertEquals(200, status(Things.class, "anyone", as(Role.COURIER)));
        assertEquals(401, status(Things.class, "anyone", null));
        assertEquals(200, status(Things.class, "open", null));
    }

    @Test
    void aClassDeclarationCoversItsMethodsAndAMethodDeclarationReplacesIt() throws Exception {
        assertEquals(200, status(AdminThings.class, "inherited", as(Role.INTEGRATION_ADMIN)));
        assertEquals(403, status(AdminThings.class, "inherited", as(Role.AUDITOR)));
        assertEquals(200, status(AdminThings.class, "replaced", as(Role.AUDITOR)));
        assertEquals(403, status(AdminThings.class, "replaced", as(Role.INTEGRATION_ADMIN)));
        assertEquals(List.of(), AccessDeclarations.undeclared(AdminThings.class));
    }

    @Test
    void aTokenOfATemporaryPasswordMayOnlyChangeItOrLogOut() throws Exception {
        AuthenticatedUser pharmacist = as(Role.PHARMACIST);
        assertEquals(403, status(Things.class, "anyone", pharmacist, true));
        assertEquals(200, status(Things.class, "anyone", pharmacist, false));
        assertEquals(200, status(AuthResource.class, "changePassword", pharmacist, true));
        assertEquals(200, status(AuthResource.class, "logout", pharmacist, true));
    }

    @Test
    void everyRoleMayLogOut() throws Exception {
        // listed role by role rather than @Authenticated, so the attack suite does not call it (it would revoke its tokens)
        java.lang.reflect.Method logout = java.util.Arrays.stream(AuthResource.class.getMethods())
                .filter(m -> m.getName().equals("logout")).findFirst().orElseThrow();
        assertEquals(java.util.Set.of(Role.values()), java.util.Set.copyOf(AccessDeclarations.roles(AuthResource.class, logout)),
                "a new role must be added to logout's list");
    }

    @Test
    void anInvalidTokenIs401() throws Exception {
        TokenService tokens = mock(TokenService.class);
        AuthenticationFilter filter = new AuthenticationFilter(tokens);
        ResourceInfo info = mock(ResourceInfo.class);
        when(info.getResourceMethod()).thenReturn(Things.class.getMethod("anyone"));
        when(info.getResourceClass()).thenAnswer(i -> Things.class);
        Field f = AuthenticationFilter.class.getDeclaredField("resourceInfo");
        f.setAccessible(true);
        f.set(filter, info);
        ContainerRequestContext request = mock(ContainerRequestContext.class);
        when(request.getHeaderString(HttpHeaders.AUTHORIZATION)).thenReturn("Bearer forged");
        assertEquals(401, assertThrows(ProblemException.class, () -> filter.filter(request)).toProblem().status);
    }
}
