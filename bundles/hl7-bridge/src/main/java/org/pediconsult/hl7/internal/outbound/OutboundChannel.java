package org.pediconsult.hl7.internal.outbound;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.util.Terser;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.pediconsult.hl7.internal.common.AckMode;
import org.pediconsult.hl7.internal.common.Backoff;
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
 *
 * <p>This component queues ({@link #enqueue}) and answers operations; the delivery thread is a
 * {@link DeliveryLoop}, each try a {@link DeliveryAttempt} over the {@link ReceiverConnection}, each outcome's
 * event an {@link AcknowledgedEvent}, and the state and metrics a {@link ChannelActivity}.
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
    private final ReceiverConnection receiver;
    private final ChannelActivity activity;
    private final DeliveryLoop delivery;

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
        this.receiver = new ReceiverConnection(config);
        /*
         * The retry policy (retry.*): the delay after each failed attempt of a message
         * (Backoff.afterFailures) and, on this channel's delivery thread only, the wait while the
         * receiver is unreachable (Backoff.next, reset once it is reached).
         */
        Backoff backoff = new Backoff(Math.max(10, (long) (config.retry_initial_seconds() * 1000)),
                Math.max(1.0, config.retry_multiplier()), Math.max(10, (long) (config.retry_max_seconds() * 1000)));
        this.activity = new ChannelActivity(clock);
        this.delivery = new DeliveryLoop(config, store, clock, backoff, activity, new DeliveryAttempt(config, store,
                clock, receiver, backoff, activity, new AcknowledgedEvent(config.name(), outbox)));
        delivery.start();
        LOG.info("HL7 outbound channel {} to {}:{} ({} ACKs{}, types {})", config.name(), config.host(), config.port(),
                config.ack_mode(), config.tls_enabled() ? ", TLS" : "", types.isEmpty() ? "all" : types);
    }

    public String name() {
        return config.name();
    }

    public String destination() {
        return receiver.destination();
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
        delivery.wake();
    }

    /** Puts a parked message of this channel back in the queue; false when it is not a parked message here. */
    public boolean resend(long id) throws SQLException {
        boolean done = store.resend(config.name(), id, clock.instant());
        if (done) {
            wake();
        }
        return done;
    }

    /**
     * Live state for operations: IDLE, SENDING, RETRYING (the receiver is unreachable) or STANDBY
     * (another node holds the channel's delivery lease).
     */
    public String state() {
        return activity.state().name();
    }

    public String lastError() {
        return activity.lastError();
    }

    public Instant lastErrorAt() {
        return activity.lastErrorAt();
    }

    /** Since this channel started: messages accepted, failed attempts, ACK latency (ms) over the last 1,024 sends. */
    public java.util.Map<String, Object> metrics() {
        return activity.metrics();
    }

    @Deactivate
    public void stop() throws InterruptedException {
        delivery.stop();
        receiver.stop();
    }
}
