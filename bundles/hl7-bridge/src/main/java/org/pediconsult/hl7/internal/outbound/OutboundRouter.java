package org.pediconsult.hl7.internal.outbound;

import java.sql.Connection;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.pediconsult.hl7.api.Hl7OutboundMapper;
import org.pediconsult.hl7.api.OutboundMessage;
import org.pediconsult.hl7.api.UnmappableEventException;
import org.pediconsult.platform.api.data.SchemaMigrations;
import org.pediconsult.platform.api.event.DomainEvent;
import org.pediconsult.platform.api.event.EventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Domain events to outbound HL7: subscribes (as the durable consumer {@code hl7-outbound}) to every
 * event type some {@link Hl7OutboundMapper} maps, while at least one outbound channel is configured.
 * For each event, each mapper's messages are queued on every channel that takes their type, in the
 * consumer's transaction — so an event is queued exactly once, and one that cannot be queued is
 * delivered again by the broker. The subscription follows the mappers: a bundle that registers an
 * RDE^O11 mapper for {@code prescription.approved} adds that topic without a change here; events of a
 * mapper's types published while it is away wait in its durable queue.
 */
// the component's name from before the split into packages, kept (scr:list; also its configuration PID)
@Component(name = "org.pediconsult.hl7.internal.OutboundRouter",
        service = {}, immediate = true)   // registered as an EventListener by itself, with the mapped topics
public class OutboundRouter implements EventListener {
    static final String CONSUMER = "hl7-outbound";
    private static final Logger LOG = LoggerFactory.getLogger(OutboundRouter.class);

    private final Map<Hl7OutboundMapper, Set<String>> mappers = new ConcurrentHashMap<>();
    private final List<OutboundChannel> channels = new CopyOnWriteArrayList<>();
    private final ExecutorService registrar = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "hl7-outbound-subscriber");
        t.setDaemon(true);
        return t;
    });
    private final OutboundStore store;
    private final Clock clock;
    private volatile BundleContext context;
    private ServiceRegistration<EventListener> registration;
    private Set<String> subscribed = Set.of();

    @Activate
    public OutboundRouter(@Reference(target = "(dataSourceName=pediconsult)") DataSource dataSource,
                          @Reference SchemaMigrations migrations, @Reference Clock clock, BundleContext context) {
        migrations.migrate(context.getBundle(), "hl7");
        this.store = new OutboundStore(dataSource);
        this.clock = clock;
        this.context = context;
        resubscribe();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addMapper(Hl7OutboundMapper mapper, Map<String, Object> properties) {
        Set<String> types = types(properties.get(Hl7OutboundMapper.EVENT_TYPES));
        if (types.isEmpty()) {
            LOG.warn("HL7 mapper {} ignored: it has no {} property", mapper.getClass().getName(), Hl7OutboundMapper.EVENT_TYPES);
            return;
        }
        mappers.put(mapper, types);
        resubscribe();
    }

    void removeMapper(Hl7OutboundMapper mapper) {
        if (mappers.remove(mapper) != null) {
            resubscribe();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addChannel(OutboundChannel channel) {
        channels.add(channel);
        resubscribe();
    }

    void removeChannel(OutboundChannel channel) {
        channels.remove(channel);
        resubscribe();
    }

    Collection<OutboundChannel> channels() {
        return channels;
    }

    @Override
    public void onEvent(DomainEvent event, Connection tx) throws Exception {
        List<OutboundChannel> targets = new ArrayList<>(channels);
        if (targets.isEmpty()) {
            // a channel being reconfigured is briefly gone: the broker redelivers the event (a few
            // times, then its dead-letter queue if the last channel was really removed)
            throw new IllegalStateException("no outbound channel is active; the event is redelivered");
        }
        int seq = 0;
        for (Map.Entry<Hl7OutboundMapper, Set<String>> m : mappers.entrySet()) {
            if (!m.getValue().contains(event.type())) {
                continue;
            }
            List<OutboundMessage> messages;
            try {
                messages = m.getKey().map(event);
            } catch (UnmappableEventException e) {
                for (OutboundChannel channel : targets) {
                    store.parkUnmappable(tx, channel.name(), event.eventId(), event.type(), event.aggregateId(),
                            event.dataJson(), e.getMessage(), event.occurredAt(), clock.instant());
                }
                LOG.warn("HL7 outbound: {} not mappable by {}: {}; parked for review", event, m.getKey().getClass()
                        .getSimpleName(), e.getMessage());
                continue;
            }
            for (OutboundMessage message : messages) {
                seq++;
                for (OutboundChannel channel : targets) {
                    String type = messageType(message);
                    if (channel.accepts(type)) {
                        channel.enqueue(tx, event, seq, message.patientKey(), message.message());
                    }
                }
            }
        }
        for (OutboundChannel channel : targets) {
            channel.wake();
        }
    }

    private static String messageType(OutboundMessage message) {
        try {
            ca.uhn.hl7v2.util.Terser t = new ca.uhn.hl7v2.util.Terser(message.message());
            return t.get("/MSH-9-1") + "^" + t.get("/MSH-9-2");
        } catch (ca.uhn.hl7v2.HL7Exception e) {
            throw new IllegalArgumentException("mapped message has no readable MSH-9", e);
        }
    }

    /** (Re)registers this router as an event listener for the mapped event types, off the DS thread. */
    private void resubscribe() {
        registrar.execute(() -> {
            BundleContext ctx = context;
            Set<String> topics = new TreeSet<>();
            if (ctx != null && !channels.isEmpty()) {
                mappers.values().forEach(types -> types.forEach(t -> topics.add("pediconsult." + t)));
            }
            if (topics.equals(subscribed)) {
                return;
            }
            if (registration != null) {
                try {
                    registration.unregister();
                } catch (IllegalStateException alreadyGone) {
                    // the bundle is stopping
                }
                registration = null;
            }
            subscribed = topics;
            if (!topics.isEmpty()) {
                Hashtable<String, Object> props = new Hashtable<>();
                props.put(EventListener.TOPICS, topics.toArray(new String[0]));
                props.put(EventListener.CONSUMER, CONSUMER);
                registration = ctx.registerService(EventListener.class, this, props);
                LOG.info("HL7 outbound subscribed to {}", topics);
            }
        });
    }

    private static Set<String> types(Object value) {
        Set<String> out = new TreeSet<>();
        if (value instanceof String s) {
            Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).forEach(out::add);
        } else if (value instanceof String[] a) {
            Arrays.stream(a).map(String::trim).filter(x -> !x.isEmpty()).forEach(out::add);
        } else if (value instanceof Collection<?> c) {
            c.forEach(x -> out.add(String.valueOf(x).trim()));
        }
        return out;
    }

    @Deactivate
    void stop() throws InterruptedException {
        context = null;
        registrar.execute(() -> {
            if (registration != null) {
                try {
                    registration.unregister();
                } catch (IllegalStateException alreadyGone) {
                    // fine
                }
                registration = null;
            }
        });
        registrar.shutdown();
        registrar.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
    }
}
