package org.pediconsult.platform.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;
import java.util.Set;

import javax.ws.rs.GET;
import javax.ws.rs.Path;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.pediconsult.platform.api.audit.AuditTrail;
import org.pediconsult.platform.api.rest.PublicEndpoint;
import org.pediconsult.platform.api.rest.RestResource;
import org.pediconsult.platform.api.security.RateLimits;
import org.pediconsult.platform.internal.security.TokenService;

class RestApplicationTest {

    @Path("first")
    public static class First implements RestResource {
        @GET
        @PublicEndpoint
        public String get() {
            return "first";
        }
    }

    @Path("second")
    public static class Second implements RestResource {
        @GET
        @PublicEndpoint
        public String get() {
            return "second";
        }
    }

    @Test
    void resourcesArrivingOneByOneAreServedTogetherAndNothingIsRebuiltAfterDeactivation() throws Exception {
        RestApplication app = new RestApplication(mock(TokenService.class), mock(AuditTrail.class), mock(RateLimits.class),
                config(), context());
        Map<String, Object> first = Map.of(Constants.SERVICE_ID, 1L);
        Map<String, Object> second = Map.of(Constants.SERVICE_ID, 2L);
        app.addResource(new First(), first);
        app.addResource(new Second(), second);
        for (int i = 0; i < 200 && app.servedResourceIds().size() < 2; i++) {
            Thread.sleep(25);
        }
        assertEquals(Set.of(1L, 2L), app.servedResourceIds());

        app.stop();
        // SCR unbinds the resources after deactivation: no rebuild (on the bus stop() shut down), nothing served
        app.removeResource(new First(), first);
        assertTrue(app.servedResourceIds().isEmpty(), "served after stop: " + app.servedResourceIds());
    }

    private static RestConfig config() {
        RestConfig config = mock(RestConfig.class);
        when(config.max_body_bytes()).thenReturn(1_048_576L);
        when(config.trusted_proxies()).thenReturn(new String[0]);
        return config;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static BundleContext context() {
        BundleContext context = mock(BundleContext.class);
        when(context.registerService(any(Class.class), any(Object.class), org.mockito.ArgumentMatchers.<java.util.Dictionary<String, ?>>any()))
                .thenReturn(mock(ServiceRegistration.class));
        when(context.getBundle(anyString())).thenReturn(null);
        return context;
    }
}
