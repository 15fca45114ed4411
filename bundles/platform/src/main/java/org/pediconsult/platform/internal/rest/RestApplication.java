package org.pediconsult.platform.internal.rest;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;

import javax.servlet.Servlet;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.jaxrs.lifecycle.SingletonResourceProvider;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;
import org.osgi.service.metatype.annotations.Designate;
import org.pediconsult.platform.api.audit.AuditTrail;
import org.pediconsult.platform.api.rest.AccessDeclarations;
import org.pediconsult.platform.api.rest.RestResource;
import org.pediconsult.platform.api.security.RateLimits;
import org.pediconsult.platform.internal.security.TokenService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that serves REST: a CXF JAX-RS endpoint at {@code /api} built from every
 * {@link RestResource} service, with JSON, rate limits, authentication, body limits and problem details. When a
 * resource service comes or goes, the endpoint is rebuilt behind the servlet's gate.
 */
@Component(service = RestApplication.class, immediate = true, configurationPid = "org.pediconsult.rest")
@Designate(ocd = RestConfig.class)
public class RestApplication {
    private static final Logger LOG = LoggerFactory.getLogger(RestApplication.class);

    private final Map<Long, RestResource> resources = new ConcurrentSkipListMap<>();
    private final TokenService tokens;
    private final AuditTrail audit;
    private final RateLimits rateLimits;
    private final ClientAddress clientAddress;
    private final long maxBodyBytes;
    private final Bus bus;
    private final GatedCxfServlet servlet;
    private final ServiceRegistration<Servlet> registration;
    private Server server;
    static final long REBUILD_AFTER_MS = 50;
    /** Rebuilds after resources arrived ({@link #addResource}); its lock is this component's monitor. */
    private final CoalescedRebuild rebuilds;
    /**
     * Deactivated. SCR unbinds the resources after {@code @Deactivate}, one by one: none of those may rebuild
     * (on the bus {@link #stop} shut down).
     */
    private boolean stopped; // guarded by this
    private volatile Set<Long> served = Set.of();
    private volatile Map<String, List<String>> refused = Map.of();
    private final ServiceRegistration<ServedApi> servedApi;
    /** The framework's own bundle: when it is stopping, every resource is about to go (see removeResource). */
    private final Bundle framework;

    @Activate
    public RestApplication(@Reference TokenService tokens, @Reference AuditTrail audit, @Reference RateLimits rateLimits,
                           RestConfig config, BundleContext context) {
        this.tokens = tokens;
        this.audit = audit;
        this.rateLimits = rateLimits;
        this.clientAddress = new ClientAddress(config.trusted_proxies());
        this.servlet = new GatedCxfServlet(clientAddress);
        this.rebuilds = new CoalescedRebuild("pediconsult-rest-rebuild", this, REBUILD_AFTER_MS, () -> servlet.swap(this::rebuild));
        this.maxBodyBytes = config.max_body_bytes();
        this.framework = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        this.bus = withOwnClassLoader(() -> BusFactory.newInstance().createBus());
        servlet.setBus(bus);
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN, "/api/*");
        props.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_NAME, "pediconsult-api");
        props.put(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_INIT_PARAM_PREFIX + "hide-service-list-page", "true");
        synchronized (this) {
            rebuild();
        }
        registration = context.registerService(Servlet.class, servlet, props);
        servedApi = context.registerService(ServedApi.class, new ServedApi() {
            @Override
            public Set<Long> servedResourceIds() {
                return RestApplication.this.servedResourceIds();
            }

            @Override
            public Map<String, List<String>> refusedResources() {
                return RestApplication.this.refusedResources();
            }

            @Override
            public List<Class<?>> servedClasses() {
                return RestApplication.this.servedClasses();
            }
        }, null);
    }

    /**
     * A new resource is served after a rebuild on this component's own thread, {@link #REBUILD_AFTER_MS}
     * after the first arrival not yet served, together with every resource that arrived meanwhile. At
     * boot some 30 resources arrive one by one, and a rebuild (CXF introspects every class served) for
     * each of them, on the thread that starts the bundles, cost the cold start about half a second of CPU
     * (profiled in issue 18); nor does that thread wait for a rebuild under way ({@link CoalescedRebuild}).
     * /api/health says DOWN ("notYetServed") until the rebuild is done.
     */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addResource(RestResource resource, Map<String, Object> props) {
        resources.put((Long) props.get(Constants.SERVICE_ID), resource);
        rebuilds.request();
    }

    /**
     * A resource that goes is no longer served when this returns (its bundle may be stopping). While the
     * framework stops, the API stops serving at the first resource that goes instead: a rebuild for each of
     * the 30 resources that then go one by one (CXF introspecting the rest each time) made every stop seconds
     * longer (issue 18).
     */
    void removeResource(RestResource resource, Map<String, Object> props) {
        resources.remove((Long) props.get(Constants.SERVICE_ID));
        synchronized (this) {
            if (!stopped) {
                servlet.swap(frameworkStopping() ? this::serveNothing : this::rebuild);
            }
        }
    }

    private boolean frameworkStopping() {
        return framework != null && framework.getState() == Bundle.STOPPING;
    }

    /** Stops serving every resource (requests to /api are then answered as for an unknown path). */
    private void serveNothing() {
        if (server != null) {
            server.destroy();
            server = null;
        }
        served = Set.of();
    }

    @Deactivate
    synchronized void stop() {
        stopped = true;
        rebuilds.stop();
        servedApi.unregister();
        registration.unregister();
        if (server != null) {
            server.destroy();
            server = null;
        }
        served = Set.of();
        bus.shutdown(true);
    }

    private void rebuild() {
        serveNothing();
        Map<Long, RestResource> snapshot = new TreeMap<>(resources);
        // authorization fails closed: a resource with a method that declares nobody is not served at all
        Map<String, List<String>> undeclared = new TreeMap<>();
        snapshot.values().removeIf(bean -> {
            List<String> methods = AccessDeclarations.undeclared(bean.getClass());
            if (!methods.isEmpty()) {
                undeclared.put(bean.getClass().getName(), methods);
                LOG.error("REST resource {} is not served: these methods declare no role that may call them "
                        + "(@RequiresRole, @Authenticated or @PublicEndpoint): {}", bean.getClass().getName(), methods);
            }
            return !methods.isEmpty();
        });
        refused = Map.copyOf(undeclared);
        List<Object> beans = new ArrayList<>(snapshot.values());
        if (beans.isEmpty()) {
            served = Set.of();
            return;
        }
        server = withOwnClassLoader(() -> {
            JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
            factory.setBus(bus);
            factory.setAddress("/");
            for (Object bean : beans) {
                factory.setResourceProvider(bean.getClass(), new SingletonResourceProvider(bean));
            }
            factory.setResourceClasses(new ArrayList<>(beans.stream().map(Object::getClass).toList()));
            List<Object> providers = new ArrayList<>();
            providers.add(new JsonBodyProvider());
            providers.add(new BodySizeLimit(maxBodyBytes));
            providers.add(new ApiRateLimits.ByAddress(rateLimits, clientAddress));
            providers.add(new AuthenticationFilter(tokens));
            providers.add(new ApiRateLimits.ByAccount(rateLimits));
            providers.add(new RefusalAudit(audit));
            providers.addAll(ProblemMappers.all());
            factory.setProviders(providers);
            return factory.create();
        });
        served = Set.copyOf(snapshot.keySet());
        LOG.info("REST API at /api serves {} resources", beans.size());
    }

    /** Resources refused because some of their methods declare nobody who may call them (class -> methods). */
    public Map<String, List<String>> refusedResources() {
        return refused;
    }

    /** The resource classes served right now, for the endpoint inventory. */
    List<Class<?>> servedClasses() {
        List<Class<?>> out = new ArrayList<>();
        for (Map.Entry<Long, RestResource> e : new TreeMap<>(resources).entrySet()) {
            if (served.contains(e.getKey())) {
                out.add(e.getValue().getClass());
            }
        }
        return out;
    }

    /** Service ids of the {@link RestResource}s the endpoint answers for right now. */
    public Set<Long> servedResourceIds() {
        return served;
    }

    private static <T> T withOwnClassLoader(java.util.function.Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(RestApplication.class.getClassLoader());
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
