package org.pediconsult.hl7.internal.inbound;

import java.time.Clock;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.validation.impl.NoValidation;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.pediconsult.consultation.api.HisObservations;
import org.pediconsult.consultation.api.HisPatients;
import org.pediconsult.hl7.internal.common.LatencyWindow;
import org.pediconsult.hl7.internal.common.MllpCamel;
import org.pediconsult.hl7.internal.common.Tls;
import org.pediconsult.platform.api.audit.AuditTrail;
import org.pediconsult.platform.api.data.SchemaMigrations;
import org.pediconsult.platform.api.security.RateLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An inbound MLLP channel, one per factory configuration: a Camel context of its own with a Netty
 * TCP consumer; {@link ConnectionGate} decides which connections are let in (sender address, rate,
 * number), {@link MllpFrameDecoder} frames them (split and coalesced frames, none read past
 * {@code max.message.bytes});
 * {@link InboundHandler} stores each message and then answers; {@link InboundProcessor} processes the
 * messages stored as RECEIVED (acknowledged after storing, {@link AckAfter}). Messages of HL7 2.3 to 2.8 are read into the 2.5.1 model.
 * Besides ADT and ORU, the types other bundles process ({@link ContributedProcessors}) are processed.
 */
// the component's name from before the split into packages, kept (scr:list)
@Component(name = "org.pediconsult.hl7.internal.InboundChannel", service = InboundChannel.class,
        configurationPid = "org.pediconsult.hl7.inbound",
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = InboundChannelConfig.class, factory = true)
public class InboundChannel {
    private static final Logger LOG = LoggerFactory.getLogger(InboundChannel.class);
    private final CamelContext camel;
    private final InboundHandler handler;
    private final MessageStore store;
    private final InboundProcessor processor;
    private final String name;
    private final int port;
    private final java.util.concurrent.atomic.AtomicLong framesSinceStart = new java.util.concurrent.atomic.AtomicLong();
    private final LatencyWindow ackLatency = new LatencyWindow(4096);
    private final ConnectionGate gate;

    /** The consultation bundle's HIS patient service; ADT messages are refused (AE) while it is absent. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile HisPatients patients;

    /** The consultation bundle's observation service; ORU messages are refused (AE) while it is absent. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile HisObservations observations;

    /**
     * The platform's rate limits: new connections per sender address ({@link RateLimits#HL7_CONNECTION}).
     * Optional: without them connections are limited by address and number only.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile RateLimits rateLimits;

    /** The audit trail, for refused connections (optional, like the rate limits). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditTrail audit;

    @Activate
    public InboundChannel(@Reference(target = "(dataSourceName=pediconsult)") DataSource dataSource,
                          @Reference SchemaMigrations migrations, @Reference Clock clock,
                          @Reference ContributedProcessors contributed,
                          InboundChannelConfig config, BundleContext context) throws Exception {
        migrations.migrate(context.getBundle(), "hl7");
        Set<String> facilities = Arrays.stream(config.allowed_sending_facilities().split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        HapiContext hapi = new DefaultHapiContext(new CanonicalModelClassFactory("2.5.1"));
        hapi.setValidationContext(new NoValidation());
        hapi.getParserConfiguration().setIdGenerator(AckControlIds.shared());
        PipeParser parser = hapi.getPipeParser();
        // refuse a bad allow-list, a limit that admits nothing or missing tables before anything is started
        SourceAddresses sources = SourceAddresses.parse(config.allowed_source_addresses());
        FrameLimits limits = FrameLimits.of(config);
        if (config.max_message_bytes() < 1024 || config.max_connections() < 1 || !limits.positive()) {
            throw new IllegalArgumentException("HL7 channel " + config.name() + ": max.message.bytes must be at least "
                    + "1024, max.connections and every limit.* at least 1");
        }
        Hl7Tables tables = Hl7Tables.fromHapi();
        this.gate = new ConnectionGate(config.name(), config.max_connections(), sources, () -> rateLimits, () -> audit);
        this.store = new MessageStore(dataSource, config.name());
        InboundHandler handler = InboundHandler.forChannel(config.name(), store, parser)
                .ackMode(config.ack_mode()).allowedFacilities(facilities).maxBytes(config.max_message_bytes()).clock(clock)
                .patients(() -> patients).observations(() -> observations).ackAfter(config.ack_after())
                .parseBudget(new ParseBudget(limits)).tables(tables)
                .processors(contributed::forType).also(contributed::alsoFor).build();
        this.handler = handler;
        // runs in both modes: it also picks up RECEIVED messages left from before a restart or a mode change
        this.processor = new InboundProcessor(config.name(), store, handler).start();
        handler.onReceived(processor::wake);
        this.name = config.name();
        this.port = config.port();
        org.apache.camel.Processor measured = exchange -> {
            long began = System.nanoTime();
            handler.process(exchange);
            framesSinceStart.incrementAndGet();
            ackLatency.add((System.nanoTime() - began) / 1_000_000.0);
        };
        CamelContext started;
        try {
            started = start(config.name(), config.host(), config.port(), config.read_timeout_seconds(), measured,
                    config.tls_enabled() ? Tls.parameters(config.tls_keystore_path(), config.tls_keystore_password(),
                            config.tls_truststore_path(), config.tls_truststore_password(), config.tls_client_auth())
                            : null, config.max_message_bytes(), gate);
        } catch (Exception | Error e) {
            processor.stop();
            store.close();
            throw e;
        }
        this.camel = started;
        LOG.info("HL7 inbound channel {} listening for MLLP{} on {}:{} ({} ACKs after the message is {}); senders: {}, "
                        + "at most {} connections, messages up to {} bytes; HL7 tables from HAPI: {} message types, {} "
                        + "events, {} structures", config.name(), config.tls_enabled() ? " over TLS" : "", config.host(),
                config.port(), config.ack_mode(), config.ack_after(), sources, config.max_connections(),
                config.max_message_bytes(), tables.codes(), tables.events(), tables.structures());
    }

    static CamelContext start(String name, String host, int port, int readTimeoutSeconds, org.apache.camel.Processor handler)
            throws Exception {
        return start(name, host, port, readTimeoutSeconds, handler, null);
    }

    /** With {@code tls} non-null the listener speaks MLLP over TLS only. */
    static CamelContext start(String name, String host, int port, int readTimeoutSeconds, org.apache.camel.Processor handler,
                              org.apache.camel.support.jsse.SSLContextParameters tls) throws Exception {
        return start(name, host, port, readTimeoutSeconds, handler, tls,
                handler instanceof InboundHandler h ? h.maxBytes() : 16 * 1024 * 1024, null);
    }

    /**
     * The listener: frames read up to {@code maxBytes} ({@link MllpFrameDecoder}), connections let in by
     * {@code gate} when given ({@link ConnectionGate}, first in the pipeline, before TLS records are read).
     */
    static CamelContext start(String name, String host, int port, int readTimeoutSeconds, org.apache.camel.Processor handler,
                              org.apache.camel.support.jsse.SSLContextParameters tls, int maxBytes, ConnectionGate gate)
            throws Exception {
        String secure = MllpCamel.tlsOptions(tls);
        String decoders = (gate == null ? "" : "#connectionGate,") + "#readTimeout,#mllpDecoder";
        return MllpCamel.start("pediconsult-hl7-in-" + name, name, tls, new RouteBuilder() {
            @Override
            public void configure() {
                // sync: each decoded frame is answered, in order, on its connection
                from("netty:tcp://" + host + ":" + port + "?sync=true&decoders=" + decoders + "&encoders=#hl7Encoder"
                        + "&reuseAddress=true&keepAlive=true&exceptionHandler=#contentFreeErrors" + secure)
                        .routeId("hl7-in-" + name)
                        .process(handler);
            }
        }, gate == null
                ? new Object[] {"readTimeout", new ReadTimeout(readTimeoutSeconds), "mllpDecoder", new MllpFrameDecoder.Factory(maxBytes)}
                : new Object[] {"readTimeout", new ReadTimeout(readTimeoutSeconds), "mllpDecoder", new MllpFrameDecoder.Factory(maxBytes),
                        "connectionGate", gate});
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    /** Reprocesses a stored ERROR or REJECTED message of this channel; null when it has no such message. */
    public String reprocess(long messageId) throws Exception {
        return handler.reprocess(messageId);
    }

    /** Since this channel started: frames answered and the time from frame to ACK (ms) over the last 4,096. */
    public java.util.Map<String, Object> metrics() {
        double[] l = ackLatency.summary();
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("framesSinceStart", framesSinceStart.get());
        m.put("ackLatencyP50Ms", Math.round(l[1] * 10) / 10.0);
        m.put("ackLatencyP99Ms", Math.round(l[2] * 10) / 10.0);
        m.put("ackLatencyMaxMs", Math.round(l[3] * 10) / 10.0);
        m.put("ackAfter", handler.ackAfter().name());
        try {
            m.put("processingBacklog", store.backlog(name));
        } catch (java.sql.SQLException e) {
            m.put("processingBacklog", null);
        }
        m.put("processedSinceStart", processor.processedSinceStart());
        m.put("processingErrorsSinceStart", processor.failedSinceStart());
        m.put("processingWaitingFor", processor.waitingFor());
        m.put("connectionsOpen", gate.open());
        java.util.Map<String, Long> refused = new java.util.LinkedHashMap<>();
        for (ConnectionGate.Refusal r : ConnectionGate.Refusal.values()) {
            refused.put(r.name(), gate.refused(r));
        }
        m.put("connectionsRefusedSinceStart", refused);
        return m;
    }

    /** Camel's status of the channel's context, e.g. Started. */
    public String state() {
        return camel.getStatus().name();
    }

    @Deactivate
    void stop() {
        camel.stop();
        processor.stop();
        store.close();
    }
}
