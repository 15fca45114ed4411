package org.pediconsult.platform.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.junit.jupiter.api.Test;
import org.pediconsult.platform.api.Problem;
import org.pediconsult.platform.api.rest.PublicEndpoint;
import org.pediconsult.platform.api.security.AuthenticatedUser;
import org.pediconsult.platform.api.security.RateLimits;
import org.pediconsult.platform.api.security.Role;
import org.pediconsult.platform.internal.ratelimit.TooManyRequests;

class ApiRateLimitsTest {
    /** Records what was asked and refuses one chosen key. */
    private final List<String> asked = new ArrayList<>();
    private String refusedKey = "none";
    private final RateLimits limits = (kind, key) -> {
        asked.add(kind + " " + key);
        return key.equals(refusedKey) ? RateLimits.Admission.refused(42) : RateLimits.Admission.allowed();
    };

    static class Resource {
        @LoginEndpoint
        @PublicEndpoint
        public void login() {
        }

        @PublicEndpoint
        public void health() {
        }

        public void children() {
        }
    }

    private ApiRateLimits.ByAddress byAddress(String method, String peer) throws Exception {
        ApiRateLimits.ByAddress filter = new ApiRateLimits.ByAddress(limits, new ClientAddress(new String[0]));
        ResourceInfo info = mock(ResourceInfo.class);
        Method m = Resource.class.getMethod(method);
        when(info.getResourceMethod()).thenReturn(m);
        HttpServletRequest servlet = mock(HttpServletRequest.class);
        when(servlet.getRemoteAddr()).thenReturn(peer);
        inject(filter, "resourceInfo", info);
        inject(filter, "servletRequest", servlet);
        return filter;
    }

    private static void inject(Object target, String field, Object value) throws Exception {
        Field f = target.getClass().getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
    }

    @Test
    void loginCountsPerAddressUnderTheLoginLimit() throws Exception {
        byAddress("login", "10.0.0.7").filter(mock(ContainerRequestContext.class));
        assertEquals(List.of("login 10.0.0.7"), asked);
    }

    @Test
    void otherPublicEndpointsAreNotLimited() throws Exception {
        byAddress("health", "10.0.0.7").filter(mock(ContainerRequestContext.class));
        assertEquals(List.of(), asked);
    }

    @Test
    void everyOtherCallCountsPerAddressBeforeAuthentication() throws Exception {
        refusedKey = "10.0.0.7";
        TooManyRequests e = assertThrows(TooManyRequests.class,
                () -> byAddress("children", "10.0.0.7").filter(mock(ContainerRequestContext.class)));
        assertEquals(List.of("api 10.0.0.7"), asked);
        assertEquals(429, e.status());
        assertEquals(42, e.retryAfterSeconds());
        Response r = new ProblemMappers.FromProblemException().toResponse(e);
        assertEquals(429, r.getStatus());
        assertEquals("42", r.getHeaderString("Retry-After"));
        assertEquals(Problem.MEDIA_TYPE, r.getMediaType().toString());
        assertEquals("rate_limited", ((Problem) r.getEntity()).code);
    }

    @Test
    void authenticatedCallsCountPerAccountUnderTheirLoginName() {
        ContainerRequestContext request = mock(ContainerRequestContext.class);
        SecurityContext sc = mock(SecurityContext.class);
        when(sc.getUserPrincipal()).thenReturn(new AuthenticatedUser("Dr.Wang", EnumSet.of(Role.PHYSICIAN)));
        when(request.getSecurityContext()).thenReturn(sc);
        new ApiRateLimits.ByAccount(limits).filter(request);
        assertEquals(List.of("api account:dr.wang"), asked);

        refusedKey = "account:dr.wang";
        TooManyRequests e = assertThrows(TooManyRequests.class, () -> new ApiRateLimits.ByAccount(limits).filter(request));
        assertEquals(42, e.retryAfterSeconds());
    }
}
