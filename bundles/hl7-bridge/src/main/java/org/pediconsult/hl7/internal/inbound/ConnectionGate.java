package org.pediconsult.hl7.internal.inbound;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerAdapter;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.apache.camel.component.netty.ChannelHandlerFactory;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.AuditTrail;
import org.pediconsult.platform.api.security.RateLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may open a connection to an inbound channel, decided when the connection opens, before a byte
 * of it is read (first in the endpoint's {@code decoders}, so also before a TLS handshake): a sender
 * address outside {@code allowed.source.addresses}, a sender over its rate of new connections
 * ({@link RateLimits#HL7_CONNECTION}, when the platform's rate limits are there) and any connection
 * beyond {@code max.connections} open at once are closed at once, without an answer (nothing was
 * received to answer). Refusals are logged with the sender's address and the reason, never content,
 * and at most one line per reason every 10 seconds (with the count of those not logged), so a flood
 * does not flood the log; each logged refusal is also an audit record (REFUSED, the sender's address,
 * the count not recorded since), so the trail shows refused senders without a flood filling it.
 */
final class ConnectionGate extends ChannelHandlerAdapter implements ChannelHandlerFactory {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGate.class);
    private static final long LOG_EVERY_NANOS = 10_000_000_000L;

    /** Why a connection was closed at once. */
    enum Refusal { SOURCE_NOT_ALLOWED, RATE_LIMITED, TOO_MANY_CONNECTIONS }

    private final String channel;
    private final int maxConnections;
    private final SourceAddresses sources;
    private final Supplier<RateLimits> rateLimits;
    private final Supplier<AuditTrail> audit;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<Refusal, AtomicLong> refused = new EnumMap<>(Refusal.class);
    private final Map<Refusal, AtomicLong> lastLogged = new EnumMap<>(Refusal.class);
    private final Map<Refusal, AtomicLong> notLogged = new EnumMap<>(Refusal.class);

    ConnectionGate(String channel, int maxConnections, SourceAddresses sources, Supplier<RateLimits> rateLimits,
                   Supplier<AuditTrail> audit) {
        this.channel = channel;
        this.maxConnections = maxConnections;
        this.sources = sources;
        this.rateLimits = rateLimits;
        this.audit = audit;
        for (Refusal r : Refusal.values()) {
            refused.put(r, new AtomicLong());
            lastLogged.put(r, new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS));
            notLogged.put(r, new AtomicLong());
        }
    }

    /** Connections open now (admitted and not closed yet). */
    int open() {
        return open.get();
    }

    /** Connections closed at once since the channel started, by reason. */
    long refused(Refusal reason) {
        return refused.get(reason).get();
    }

    @Override
    public ChannelHandler newChannelHandler() {
        return new Gate();
    }

    /** Null when the connection may go on, else why not. */
    Refusal admit(InetAddress sender) {
        if (!sources.allows(sender)) {
            return Refusal.SOURCE_NOT_ALLOWED;
        }
        RateLimits limits = rateLimits.get();
        if (limits != null && sender != null) {
            RateLimits.Admission admission;
            try {
                admission = limits.admit(RateLimits.HL7_CONNECTION, sender.getHostAddress());
            } catch (RuntimeException failed) {
                // the HIS's messages matter more than the limit: admit, and say so
                LOG.warn("HL7 channel {}: rate limits failed ({}); connection admitted", channel, failed.toString());
                admission = RateLimits.Admission.allowed();
            }
            if (!admission.isAllowed()) {
                return Refusal.RATE_LIMITED;
            }
        }
        if (open.incrementAndGet() > maxConnections) {
            open.decrementAndGet();
            return Refusal.TOO_MANY_CONNECTIONS;
        }
        return null;
    }

    void closed() {
        open.decrementAndGet();
    }

    private void log(Refusal reason, InetAddress sender) {
        refused.get(reason).incrementAndGet();
        long now = System.nanoTime();
        AtomicLong last = lastLogged.get(reason);
        long before = last.get();
        if (now - before < LOG_EVERY_NANOS || !last.compareAndSet(before, now)) {
            notLogged.get(reason).incrementAndGet();
            return;
        }
        long more = notLogged.get(reason).getAndSet(0);
        String why = switch (reason) {
            case SOURCE_NOT_ALLOWED -> "its address is not in allowed.source.addresses (" + sources + ")";
            case RATE_LIMITED -> "it opens connections faster than the rate limit for hl7-connection allows";
            case TOO_MANY_CONNECTIONS -> maxConnections + " connections are open (max.connections)";
        };
        String address = sender == null ? null : sender.getHostAddress();
        String others = more > 0 ? " (" + more + " more such refusals in the last 10 s not logged)" : "";
        LOG.warn("HL7 channel {}: connection from {} closed at once: {}{}", channel,
                address == null ? "an unknown address" : address, why, others);
        AuditTrail trail = audit.get();
        if (trail != null) {
            try {
                trail.record(new AuditEntry("anonymous", AuditEntry.Action.REFUSED, "hl7-channel", channel, null,
                        "connection closed: " + reason + others).withClientAddress(address));
            } catch (RuntimeException e) {
                LOG.warn("HL7 channel {}: a refused connection could not be audited: {}", channel, e.toString());
            }
        }
    }

    /** One connection's gate: counts the connection while it is open, if it was admitted. */
    private final class Gate extends ChannelInboundHandlerAdapter {
        private boolean counted;

        @Override
        public void channelActive(ChannelHandlerContext ctx) throws Exception {
            SocketAddress remote = ctx.channel().remoteAddress();
            InetAddress sender = remote instanceof InetSocketAddress ? ((InetSocketAddress) remote).getAddress() : null;
            Refusal refusal = admit(sender);
            if (refusal != null) {
                log(refusal, sender);
                ctx.close(); // the rest of the pipeline never sees this connection
                return;
            }
            counted = true;
            ctx.fireChannelActive();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            if (counted) {
                counted = false;
                closed();
                ctx.fireChannelInactive();
            }
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            if (counted) {
                ctx.fireChannelRead(msg);
            } else {
                io.netty.util.ReferenceCountUtil.release(msg); // bytes that raced the close: dropped
            }
        }
    }
}
