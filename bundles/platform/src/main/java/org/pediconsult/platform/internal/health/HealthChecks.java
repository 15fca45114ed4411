package org.pediconsult.platform.internal.health;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.jms.ConnectionFactory;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.pediconsult.platform.api.rest.RestResource;
import org.pediconsult.platform.internal.rest.ServedApi;
import org.pediconsult.platform.api.message.MessageSender;
import org.pediconsult.platform.internal.messages.MessageSenders;
import org.pediconsult.platform.internal.security.DemoPasswordCheck;

/** The checks behind {@code /api/health}; the database and broker references are optional so they can report DOWN. */
@Component(service = HealthChecks.class)
public class HealthChecks {
    static final String BUNDLE_PREFIX = "org.pediconsult.";

    /** One check's result. */
    public static final class Check {
        @JsonIgnore
        public final boolean up;
        public final String status;
        public final Object detail;

        Check(boolean up, Object detail) {
            this.up = up;
            this.status = up ? "UP" : "DOWN";
            this.detail = detail;
        }
    }

    private final BundleContext context;
    private final ServiceComponentRuntime scr;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(dataSourceName=pediconsult)")
    private volatile DataSource dataSource;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ConnectionFactory broker;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DemoPasswordCheck demoPasswords;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MessageSenders messageSenders;

    @Activate
    public HealthChecks(BundleContext context, @Reference ServiceComponentRuntime scr) {
        this.context = context;
        this.scr = scr;
    }

    Map<String, Check> run() {
        Map<String, Check> results = new LinkedHashMap<>();
        results.put("database", database());
        results.put("broker", broker());
        results.put("bundles", bundles());
        results.put("api", api());
        results.put("accounts", accounts());
        results.put("messages", messages());
        return results;
    }

    /**
     * Text messages (one-time codes): in demo mode the development inbox is expected; outside it, a
     * development inbox as the only sender means codes reach nobody's phone (DOWN). No sender at all is
     * reported (sign-up and password reset answer 503) but is not DOWN: a hospital may sign people up at the desk.
     */
    private Check messages() {
        MessageSenders senders = messageSenders;
        if (senders == null) {
            return new Check(false, "the message sender whiteboard is not running");
        }
        MessageSenders.Summary sms = senders.summary(MessageSender.SMS);
        if (sms.names().isEmpty()) {
            return new Check(true, "no text message sender installed: sign-up and password reset codes cannot be sent");
        }
        if (sms.developmentOnly() && !"demo".equals(mode())) {
            return new Check(false, "demo data is off, but text messages only reach the development inbox: install the "
                    + "hospital's SMS gateway and delete etc/org.pediconsult.devinbox.cfg (README, \"Text messages\")");
        }
        return new Check(true, Map.of("sms", sms.names(), "developmentInbox", sms.developmentOnly()));
    }

    /** "demo" when demo data is on (etc/org.pediconsult.consultation.cfg), else "production". */
    String mode() {
        DemoPasswordCheck check = demoPasswords;
        return check == null ? "unknown" : check.mode();
    }

    /** With demo data off, no account of the JAAS realm may still open with the demo password. */
    private Check accounts() {
        DemoPasswordCheck check = demoPasswords;
        if (check == null) {
            return new Check(false, "the demo-password check is not running");
        }
        DemoPasswordCheck.Finding finding = check.check();
        return new Check(finding.ok(), finding.reason());
    }

    /** Every contributed REST resource is answering (not merely registered). */
    private Check api() {
        // looked up, not referenced (RestApplication -> HealthResource -> HealthChecks would be a DS cycle),
        // and through the plain ServedApi service, never through SCR's lock on the application (see there)
        ServiceReference<ServedApi> appRef = context.getServiceReference(ServedApi.class);
        ServedApi app = appRef == null ? null : context.getService(appRef);
        if (app == null) {
            return new Check(false, "REST application not started");
        }
        Set<Long> served;
        Map<String, List<String>> refused;
        try {
            served = app.servedResourceIds();
            refused = app.refusedResources();
        } finally {
            context.ungetService(appRef);
        }
        if (!refused.isEmpty()) {
            // methods that declare nobody who may call them: refused, until their bundle declares roles
            return new Check(false, Map.of("refusedUndeclaredAccess", refused));
        }
        List<String> waiting = new ArrayList<>();
        try {
            for (ServiceReference<RestResource> ref : context.getServiceReferences(RestResource.class, null)) {
                if (!served.contains((Long) ref.getProperty(Constants.SERVICE_ID))) {
                    waiting.add(String.valueOf(ref.getProperty("component.name")));
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return waiting.isEmpty() ? new Check(true, served.size() + " resources") : new Check(false, Map.of("notYetServed", waiting));
    }

    private Check database() {
        DataSource ds = dataSource;
        if (ds == null) {
            return new Check(false, "no DataSource 'pediconsult' (see etc/org.ops4j.datasource-pediconsult.cfg)");
        }
        try (Connection c = ds.getConnection()) {
            return c.isValid(2) ? new Check(true, c.getMetaData().getDatabaseProductName())
                    : new Check(false, "connection not valid");
        } catch (Exception e) {
            return new Check(false, "cannot connect: " + e.getClass().getSimpleName());
        }
    }

    private Check broker() {
        ConnectionFactory cf = broker;
        if (cf == null) {
            return new Check(false, "no JMS ConnectionFactory (see etc/org.pediconsult.messaging.cfg)");
        }
        try (jakarta.jms.Connection c = cf.createConnection()) {
            c.start();
            return new Check(true, "ActiveMQ");
        } catch (Exception e) {
            return new Check(false, "cannot connect: " + e.getClass().getSimpleName());
        }
    }

    /** Every PediConsult bundle active and every enabled component of it satisfied. */
    private Check bundles() {
        List<String> down = new ArrayList<>();
        int count = 0;
        for (Bundle b : context.getBundles()) {
            String name = b.getSymbolicName();
            if (name == null || !name.startsWith(BUNDLE_PREFIX)) {
                continue;
            }
            count++;
            boolean fragment = b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            if (fragment ? b.getState() != Bundle.RESOLVED : b.getState() != Bundle.ACTIVE) {
                down.add(name + " is not active");
                continue;
            }
            for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(b)) {
                if (!scr.isComponentEnabled(description)) {
                    continue;
                }
                for (ComponentConfigurationDTO config : scr.getComponentConfigurationDTOs(description)) {
                    // UNSATISFIED_CONFIGURATION is not "down": such a component runs only when configured (e.g. demo data);
                    // nor is a missing reference of a component that says it waits for an optional feature
                    if ((config.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE && !waitsForOptionalFeature(description))
                            || config.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                        down.add(description.name + " is not satisfied");
                    }
                }
            }
        }
        return down.isEmpty() ? new Check(true, count + " bundles active") : new Check(false, down);
    }

    /**
     * The component property a component sets (to what it waits for, e.g. "pharmacy logistics") when it is
     * satisfied only if an optional feature is installed: the claim bundle's drug lines need pharmacy
     * logistics, the rest of the bundle does not. Unsatisfied references of such a component do not make the
     * suite DOWN; a failed activation still does.
     */
    static final String OPTIONAL_FEATURE = "pediconsult.optional.feature";

    static boolean waitsForOptionalFeature(ComponentDescriptionDTO description) {
        Object feature = description.properties == null ? null : description.properties.get(OPTIONAL_FEATURE);
        return feature instanceof String s && !s.isBlank();
    }
}
