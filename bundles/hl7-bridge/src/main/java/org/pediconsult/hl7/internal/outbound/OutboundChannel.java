package org.pediconsult.hl7.internal.outbound;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.Terser;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ExchangeTimedOutException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.hl7.HL7MLLPNettyDecoderFactory;
import org.apache.camel.component.hl7.HL7MLLPNettyEncoderFactory;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.pediconsult.hl7.internal.common.AckMode;
import org.pediconsult.hl7.internal.common.Backoff;
import org.pediconsult.hl7.internal.common.ContentFreeExceptionHandler;
import org.pediconsult.hl7.internal.common.Hl7Text;
import org.pediconsult.hl7.internal.common.LatencyWindow;
import org.pediconsult.hl7.internal.common.MllpCamel;
import org.pediconsult.hl7.internal.common.Tls;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.AuditTrail;
import org.pediconsult.platform.api.data.SchemaMigrations;
import org.pediconsult.platform.api.event.DomainEvent;
import org.pediconsult.platform.api.event.EventOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An outbound MLLP destination, one per factory configuration. Messages are queued durably in the
 * database by {@link OutboundRouter} (in the event consumer's transaction) and one delivery thread
 * per channel sends them over a Camel Netty producer framed by camel-hl7's MLLP codec, one message in
 * flight at a time:
 * <ul>
 * <li>order per patient: a message is not sent while an older one of the same patient is pending
 *     (e.g. waiting for its retry); other patients' messages flow meanwhile;</li>
 * <li>AA/CA: sent. AE/CE, a wrong MSA-2, or no ACK within the timeout: the same message (same MSH-10,
 *     so the receiver can discard a copy) is tried again after an exponential delay ({@link Backoff}), and
 *     parked after {@code max.attempts}; AR/CR: parked at once. The receiver's error is recorded each time;</li>
 * <li>an unreachable receiver is not the message's fault: nothing is counted or parked, the channel
 *     waits with the same exponential delay and everything stays queued (across restarts too).</li>
 * </ul>
 *
 * <p>Each outcome, SENT or PARKED, is also published as the event {@code hl7.outbound-acknowledged}
 * (aggregate: the message's row id), appended to the platform outbox in the transaction that records
 * the outcome: {@code channel, messageId, messageType} (MSH-9 type^trigger), {@code controlId},
 * {@code sourceEventId, sourceEventType, sourceAggregateId} (the domain event the message was mapped
 * from), {@code outcome} SENT|PARKED, {@code ackCode} (MSA-1: AA, AE, AR, CA, CE, CR; null when no ACK
 * came, e.g. parked after ACK timeouts), {@code error} (null when sent: the receiver's ERR/MSA-3 text,
 * else why it was parked; never the message or the ACK itself) and {@code attempts}. Failed attempts
 * that will be retried publish nothing.
 */
// the component's name from before the split into packages, kept (scr:list)
@Component(name = "org.pediconsult.hl7.internal.OutboundChannel", service = OutboundChannel.class,
        configurationPid = "org.pediconsult.hl7.outbound",
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true)
@Designate(ocd = OutboundChannelConfig.class, factory = true)
public class OutboundChannel {
    private static final Logger LOG = LoggerFactory.getLogger(OutboundChannel.class);
    private static final DateTimeFormatter HL7_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssZ");

    private final OutboundChannelConfig config;
    private final Set<String> types;
    private final OutboundStore store;
    private final Clock clock;
    private final AuditTrail audit;
    private final EventOutbox outbox;
    private final CamelContext camel;
    private final ProducerTemplate producer;
    private final String uri;
    private final Thread worker;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private volatile boolean running = true;
    /**
     * The retry policy ({@code retry.*}): the delay after each failed attempt of a message
     * ({@link Backoff#afterFailures}) and, on this channel's delivery thread only, the wait while the
     * receiver is unreachable ({@link Backoff#next}, reset once it is reached).
     */
    private final Backoff backoff;

    /** What the delivery thread is doing, for {@link #state()}. */
    enum Activity {
        /** Nothing is due. */
        IDLE,
        /** A message is on its way (or waiting for its ACK). */
        SENDING,
        /** The receiver is unreachable: waiting before trying again. */
        RETRYING,
        /** Another node holds the channel's delivery lease. */
        STANDBY
    }

    private volatile Activity state = Activity.IDLE;
    private volatile String lastError;
    private volatile Instant lastErrorAt;
    private final AtomicLong sentSinceStart = new AtomicLong();
    private final AtomicLong failedAttemptsSinceStart = new AtomicLong();
    private final LatencyWindow ackLatency = new LatencyWindow(1024);

    @Activate
    public OutboundChannel(@Reference(target = "(dataSourceName=pediconsult)") DataSource dataSource,
                           @Reference SchemaMigrations migrations, @Reference Clock clock, @Reference AuditTrail audit,
                           @Reference EventOutbox outbox, OutboundChannelConfig config, BundleContext context)
            throws Exception {
        migrations.migrate(context.getBundle(), "hl7");
        this.config = config;
        this.types = Arrays.stream(config.message_types().split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        this.store = new OutboundStore(dataSource);
        this.clock = clock;
        this.audit = audit;
        this.outbox = outbox;
        this.camel = camel(config);
        this.producer = camel.createProducerTemplate();
        this.backoff = new Backoff(Math.max(10, (long) (config.retry_initial_seconds() * 1000)),
                Math.max(1.0, config.retry_multiplier()), Math.max(10, (long) (config.retry_max_seconds() * 1000)));
        this.uri = "netty:tcp://" + config.host() + ":" + config.port() + "?sync=true&encoders=#hl7Encoder"
                + "&decoders=#hl7Decoder&requestTimeout=" + Math.max(1, config.ack_timeout_seconds()) * 1000L
                + "&connectTimeout=" + Math.max(1, config.connect_timeout_seconds()) * 1000L
                + "&keepAlive=true&disconnect=false&producerPoolMaxTotal=1"
                + (config.tls_enabled() ? "&ssl=true&sslContextParameters=#tls" : "");
        // no exceptionHandler here: producer errors reach deliver() as exceptions
        this.worker = new Thread(this::deliverLoop, "hl7-out-" + config.name());
        worker.setDaemon(true);
        worker.start();
        LOG.info("HL7 outbound channel {} to {}:{} ({} ACKs{}, types {})", config.name(), config.host(), config.port(),
                config.ack_mode(), config.tls_enabled() ? ", TLS" : "", types.isEmpty() ? "all" : types);
    }

    private static CamelContext camel(OutboundChannelConfig config) throws Exception {
        SSLContextParameters tls = config.tls_enabled() ? Tls.parameters(config.tls_keystore_path(),
                config.tls_keystore_password(), config.tls_truststore_path(), config.tls_truststore_password(), null)
                : null;
        return MllpCamel.start("pediconsult-hl7-out-" + config.name(), config.name(), tls, null);
    }

    public String name() {
        return config.name();
    }

    public String destination() {
        return config.host() + ":" + config.port();
    }

    /** True when this receiver takes messages of this MSH-9 type (e.g. SIU^S12; a bare SIU takes every SIU event). */
    boolean accepts(String messageType) {
        if (types.isEmpty()) {
            return true;
        }
        return types.contains(messageType) || types.contains(messageType.split("\\^")[0]);
    }

    /**
     * Queues a message on the caller's transaction: fills the destination's MSH fields, gives it the
     * control id {@code PC<row id>} and stores the text exactly as it will be sent. Returns false
     * when this event's message was already queued here.
     */
    public boolean enqueue(Connection tx, DomainEvent event, int seq, String patientKey, Message message) throws SQLException {
        Instant now = clock.instant();
        String type;
        String version;
        try {
            Terser t = new Terser(message);
            type = t.get("/MSH-9-1") + "^" + t.get("/MSH-9-2");
            version = t.get("/MSH-12-1");
        } catch (HL7Exception e) {
            throw new IllegalArgumentException("mapped message has no readable MSH-9: " + e.getMessage(), e);
        }
        String sender = config.sending_application() + "^" + config.sending_facility();
        long id = store.enqueue(tx, config.name(), sender, event.eventId(), event.type(), event.aggregateId(), seq,
                patientKey, type, version,
                event.occurredAt(), now, rowId -> {
                    String controlId = "PC" + rowId;
                    return new String[] {controlId, encode(message, controlId, now)};
                });
        if (id > 0) {
            audit.record(tx, new AuditEntry("hl7:" + config.name(), AuditEntry.Action.EXPORT, "hl7-message",
                    String.valueOf(id), patientKey, type + " queued for " + destination()));
        }
        return id > 0;
    }

    private String encode(Message message, String controlId, Instant now) {
        try {
            Terser t = new Terser(message);
            t.set("/MSH-3-1", config.sending_application());
            t.set("/MSH-4-1", config.sending_facility());
            t.set("/MSH-5-1", config.receiving_application());
            t.set("/MSH-6-1", config.receiving_facility());
            t.set("/MSH-7-1", HL7_TIME.format(now.atZone(ZoneId.systemDefault())));
            t.set("/MSH-10", controlId);
            t.set("/MSH-11-1", config.processing_id());
            t.set("/MSH-18", "UNICODE UTF-8");
            if (config.ack_mode() == AckMode.ENHANCED) {
                t.set("/MSH-15", "AL");
                t.set("/MSH-16", "NE");
            } else {
                t.set("/MSH-15", "");
                t.set("/MSH-16", "");
            }
            return message.encode();
        } catch (HL7Exception e) {
            throw new IllegalArgumentException("mapped message cannot be encoded: " + e.getMessage(), e);
        }
    }

    /** Wakes the delivery thread (new messages were committed). */
    public void wake() {
        lock.lock();
        try {
            work.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Puts a parked message of this channel back in the queue; false when it is not a parked message here. */
    public boolean resend(long id) throws SQLException {
        boolean done = store.resend(config.name(), id, clock.instant());
        if (done) {
            wake();
        }
        return done;
    }

    /** How long a node's delivery lease lasts without renewal; a standby node takes over after it. */
    static final Duration LEASE = Duration.ofSeconds(30);
    private final String node = java.util.UUID.randomUUID().toString();
    private Instant leaseRenewed = Instant.EPOCH;

    /** True while this node holds the channel's delivery lease (renewed every few seconds). */
    private boolean leader(Instant now) throws SQLException {
        if (Duration.between(leaseRenewed, now).compareTo(LEASE.dividedBy(3)) < 0) {
            return true;
        }
        if (store.lease(config.name(), node, now, now.plus(LEASE))) {
            leaseRenewed = now;
            return true;
        }
        leaseRenewed = Instant.EPOCH;
        return false;
    }

    private void deliverLoop() {
        while (running) {
            try {
                Instant now = clock.instant();
                if (!leader(now)) {
                    state = Activity.STANDBY;
                    await(Duration.ofSeconds(2));
                    continue;
                }
                OutboundStore.Due due = store.nextDue(config.name(), now, now.minusMillis(config.settle_millis()));
                if (due == null) {
                    state = Activity.IDLE;
                    await(Duration.ofMillis(200));
                    continue;
                }
                boolean reached = deliver(due);
                if (reached) {
                    backoff.reset();
                } else {
                    long delay = backoff.next();
                    state = Activity.RETRYING;
                    await(Duration.ofMillis(delay));
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                failed("delivery loop: " + e);
                LOG.warn("HL7 outbound channel {}: {}; retrying", config.name(), e.toString());
                await(Duration.ofSeconds(2));
            }
        }
    }

    /** One attempt; false when the receiver could not be reached at all. */
    private boolean deliver(OutboundStore.Due due) throws SQLException {
        state = Activity.SENDING;
        int attempt = due.attempts() + 1;
        long started = System.nanoTime();
        byte[] answer;
        try {
            answer = producer.requestBody(uri, due.raw().getBytes(StandardCharsets.UTF_8), byte[].class);
        } catch (CamelExecutionException e) {
            Throwable cause = rootOf(e);
            // a failure while the receiver cannot even be connected to is an outage, not this
            // message's fault: also when it surfaced as a timeout (a connect that never completed)
            if (connectFailure(e) || !reachable()) {
                String error = "receiver " + destination() + " unreachable: " + (cause.getMessage() == null
                        ? cause.getClass().getSimpleName() : cause.getMessage());
                failed(error);
                store.unreachable(due.id(), error);
                LOG.info("HL7 outbound channel {}: {} ({} control id {} stays queued)", config.name(), error, due.type(),
                        due.controlId());
                return false;
            }
            String error = timedOut(e) ? "no ACK within " + config.ack_timeout_seconds() + " s"
                    : "connection lost before the ACK (" + ContentFreeExceptionHandler.types(e) + ")";
            attemptFailed(due, attempt, error, null, null);
            return true;
        }
        ackLatency.add((System.nanoTime() - started) / 1_000_000.0);
        String ackText = answer == null ? "" : Hl7Text.decode(answer);
        AckReader ack = AckReader.read(ackText);
        if (ack == null) {
            attemptFailed(due, attempt, "the answer is not an ACK (no MSA segment)", ackText, null);
        } else if (!due.controlId().equals(ack.controlId())) {
            attemptFailed(due, attempt, "ACK for another message (MSA-2 '" + ack.controlId() + "')", ackText, null);
        } else if (ack.accepted()) {
            store.sent(due.id(), attempt, ackText, clock.instant(),
                    acknowledged(due, OutboundOutcome.SENT, attempt, ack.code(), null));
            sentSinceStart.incrementAndGet();
            LOG.info("HL7 outbound channel {}: {} control id {} accepted ({})", config.name(), due.type(),
                    due.controlId(), ack.code());
        } else if (ack.rejected()) {
            String error = "rejected by the receiver (" + ack.code() + "): " + ack.error();
            failed(error);
            store.park(due.id(), attempt, error, ackText, clock.instant(),
                    acknowledged(due, OutboundOutcome.PARKED, attempt, ack.code(), receiverText(ack)));
            LOG.warn("HL7 outbound channel {}: {} control id {} parked: rejected ({})", config.name(), due.type(),
                    due.controlId(), ack.code());
        } else {
            attemptFailed(due, attempt, "error from the receiver (" + ack.code() + "): " + ack.error(), ackText, ack);
        }
        return true;
    }

    /**
     * @param ack the receiver's ACK when it answered this message (AE/CE), else null (no ACK, not an ACK,
     *            an ACK of another message)
     */
    private void attemptFailed(OutboundStore.Due due, int attempt, String error, String ackText, AckReader ack)
            throws SQLException {
        failed(error);
        failedAttemptsSinceStart.incrementAndGet();
        Instant now = clock.instant();
        if (attempt >= config.max_attempts()) {
            String parked = error + " (parked after " + attempt + " attempts)";
            store.park(due.id(), attempt, parked, ackText, now, ack == null
                    ? acknowledged(due, OutboundOutcome.PARKED, attempt, null, parked)
                    : acknowledged(due, OutboundOutcome.PARKED, attempt, ack.code(), receiverText(ack)));
            LOG.warn("HL7 outbound channel {}: {} control id {} parked after {} attempts", config.name(), due.type(),
                    due.controlId(), attempt);
            return;
        }
        Duration delay = Duration.ofMillis(backoff.afterFailures(attempt));
        store.retry(due.id(), attempt, now.plus(delay), error, ackText, now);
        LOG.info("HL7 outbound channel {}: {} control id {} attempt {} failed; next in {} ms", config.name(),
                due.type(), due.controlId(), attempt, delay.toMillis());
    }

    /** The event {@code hl7.outbound-acknowledged} for this outcome, appended on the store's transaction. */
    private OutboundStore.InTransaction acknowledged(OutboundStore.Due due, OutboundOutcome outcome, int attempts,
                                                     String ackCode, String error) {
        return tx -> {
            java.util.Map<String, Object> data = new java.util.LinkedHashMap<>();
            data.put("channel", config.name());
            data.put("messageId", due.id());
            data.put("messageType", due.type());
            data.put("controlId", due.controlId());
            data.put("sourceEventId", due.eventId());
            data.put("sourceEventType", due.eventType());
            data.put("sourceAggregateId", due.aggregateId());
            data.put("outcome", outcome.name());
            data.put("ackCode", ackCode);
            data.put("error", OutboundStore.cut(error, 1000));
            data.put("attempts", attempts);
            outbox.append(tx, outbox.newEvent(ACK_EVENT_DOMAIN, ACK_EVENT_NAME, 1, String.valueOf(due.id()), json(data)));
        };
    }

    static final String ACK_EVENT_DOMAIN = "hl7";
    static final String ACK_EVENT_NAME = "outbound-acknowledged";

    /** The receiver's own error text (ERR-8, ERR-3/ERR-1, else MSA-3), or null when it gave none. */
    private static String receiverText(AckReader ack) {
        return "(no error text)".equals(ack.error()) ? null : ack.error();
    }

    /** A flat JSON object of strings, numbers and nulls (the bridge has no JSON library). */
    static String json(java.util.Map<String, Object> data) {
        StringBuilder b = new StringBuilder("{");
        for (java.util.Map.Entry<String, Object> e : data.entrySet()) {
            if (b.length() > 1) {
                b.append(',');
            }
            string(b, e.getKey());
            b.append(':');
            Object v = e.getValue();
            if (v == null) {
                b.append("null");
            } else if (v instanceof Number) {
                b.append(v);
            } else {
                string(b, String.valueOf(v));
            }
        }
        return b.append('}').toString();
    }

    private static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': b.append("\\\""); break;
                case '\\': b.append("\\\\"); break;
                case '\n': b.append("\\n"); break;
                case '\r': b.append("\\r"); break;
                case '\t': b.append("\\t"); break;
                default:
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
            }
        }
        b.append('"');
    }

    private void failed(String error) {
        lastError = error;
        lastErrorAt = clock.instant();
    }

    /** A plain TCP connect to the receiver, after a failed attempt: can it be reached at all? */
    private boolean reachable() {
        try (java.net.Socket probe = new java.net.Socket()) {
            probe.connect(new java.net.InetSocketAddress(config.host(), config.port()),
                    Math.max(1, config.connect_timeout_seconds()) * 1000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ExchangeTimedOutException || t instanceof io.netty.handler.timeout.ReadTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static boolean connectFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof io.netty.channel.ConnectTimeoutException
                    || (t.getMessage() != null && t.getMessage().startsWith("Cannot connect to"))) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootOf(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private void await(Duration d) {
        lock.lock();
        try {
            if (running) {
                work.await(d.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Live state for operations: IDLE, SENDING, RETRYING (the receiver is unreachable) or STANDBY
     * (another node holds the channel's delivery lease).
     */
    public String state() {
        return state.name();
    }

    public String lastError() {
        return lastError;
    }

    public Instant lastErrorAt() {
        return lastErrorAt;
    }

    /** Since this channel started: messages accepted, failed attempts, ACK latency (ms) over the last 1,024 sends. */
    public java.util.Map<String, Object> metrics() {
        double[] l = ackLatency.summary();
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("sentSinceStart", sentSinceStart.get());
        m.put("failedAttemptsSinceStart", failedAttemptsSinceStart.get());
        m.put("ackLatencyP50Ms", Math.round(l[1] * 10) / 10.0);
        m.put("ackLatencyP99Ms", Math.round(l[2] * 10) / 10.0);
        m.put("ackLatencyMaxMs", Math.round(l[3] * 10) / 10.0);
        return m;
    }

    @Deactivate
    public void stop() throws InterruptedException {
        running = false;
        wake();
        // no interrupt: an interrupted thread inside H2 closes the database file
        worker.join(TimeUnit.SECONDS.toMillis(10));
        try {
            store.release(config.name(), node, clock.instant());
        } catch (SQLException e) {
            LOG.debug("HL7 outbound channel {}: lease not released ({}); it runs out by itself", config.name(), e.toString());
        }
        camel.stop();
    }
}
