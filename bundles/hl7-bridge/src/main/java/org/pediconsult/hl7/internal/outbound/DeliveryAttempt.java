package org.pediconsult.hl7.internal.outbound;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.apache.camel.CamelExecutionException;
import org.pediconsult.hl7.internal.common.Backoff;
import org.pediconsult.hl7.internal.common.ContentFreeExceptionHandler;
import org.pediconsult.hl7.internal.common.Hl7Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One delivery attempt of a due message and what the receiver's answer makes of it, recorded on the
 * message's row: AA/CA sent; AR/CR parked at once; AE/CE, a wrong MSA-2, an answer that is not an ACK,
 * no ACK within the timeout or a connection lost before it: a failed attempt, tried again after
 * {@link Backoff#afterFailures} and parked after {@code max.attempts}. A receiver that cannot be reached
 * is no failed attempt: the message stays queued as it was. A SENT or PARKED outcome publishes its
 * {@link AcknowledgedEvent} on the same transaction.
 */
final class DeliveryAttempt {
    // the log category stays OutboundChannel's, as before the channel was split (log lines, log settings)
    private static final Logger LOG = LoggerFactory.getLogger(OutboundChannel.class);

    private final OutboundChannelConfig config;
    private final OutboundStore store;
    private final Clock clock;
    private final ReceiverConnection receiver;
    private final Backoff backoff;
    private final ChannelActivity activity;
    private final AcknowledgedEvent events;

    DeliveryAttempt(OutboundChannelConfig config, OutboundStore store, Clock clock, ReceiverConnection receiver,
                    Backoff backoff, ChannelActivity activity, AcknowledgedEvent events) {
        this.config = config;
        this.store = store;
        this.clock = clock;
        this.receiver = receiver;
        this.backoff = backoff;
        this.activity = activity;
        this.events = events;
    }

    /** One attempt; false when the receiver could not be reached at all. */
    boolean deliver(OutboundStore.Due due) throws SQLException {
        activity.is(ChannelActivity.Activity.SENDING);
        int attempt = due.attempts() + 1;
        long started = System.nanoTime();
        byte[] answer;
        try {
            answer = receiver.request(due.raw());
        } catch (CamelExecutionException e) {
            Throwable cause = ReceiverConnection.rootOf(e);
            // a failure while the receiver cannot even be connected to is an outage, not this
            // message's fault: also when it surfaced as a timeout (a connect that never completed)
            if (ReceiverConnection.connectFailure(e) || !receiver.reachable()) {
                String error = "receiver " + receiver.destination() + " unreachable: " + (cause.getMessage() == null
                        ? cause.getClass().getSimpleName() : cause.getMessage());
                activity.failed(error);
                store.unreachable(due.id(), error);
                LOG.info("HL7 outbound channel {}: {} ({} control id {} stays queued)", config.name(), error, due.type(),
                        due.controlId());
                return false;
            }
            String error = ReceiverConnection.timedOut(e) ? "no ACK within " + config.ack_timeout_seconds() + " s"
                    : "connection lost before the ACK (" + ContentFreeExceptionHandler.types(e) + ")";
            attemptFailed(due, attempt, error, null, null);
            return true;
        }
        activity.answeredAfter((System.nanoTime() - started) / 1_000_000.0);
        String ackText = answer == null ? "" : Hl7Text.decode(answer);
        AckReader ack = AckReader.read(ackText);
        if (ack == null) {
            attemptFailed(due, attempt, "the answer is not an ACK (no MSA segment)", ackText, null);
        } else if (!due.controlId().equals(ack.controlId())) {
            attemptFailed(due, attempt, "ACK for another message (MSA-2 '" + ack.controlId() + "')", ackText, null);
        } else if (ack.accepted()) {
            store.sent(due.id(), attempt, ackText, clock.instant(),
                    events.acknowledged(due, OutboundOutcome.SENT, attempt, ack.code(), null));
            activity.sent();
            LOG.info("HL7 outbound channel {}: {} control id {} accepted ({})", config.name(), due.type(),
                    due.controlId(), ack.code());
        } else if (ack.rejected()) {
            String error = "rejected by the receiver (" + ack.code() + "): " + ack.error();
            activity.failed(error);
            store.park(due.id(), attempt, error, ackText, clock.instant(),
                    events.acknowledged(due, OutboundOutcome.PARKED, attempt, ack.code(),
                            AcknowledgedEvent.receiverText(ack)));
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
        activity.failed(error);
        activity.failedAttempt();
        Instant now = clock.instant();
        if (attempt >= config.max_attempts()) {
            String parked = error + " (parked after " + attempt + " attempts)";
            store.park(due.id(), attempt, parked, ackText, now, ack == null
                    ? events.acknowledged(due, OutboundOutcome.PARKED, attempt, null, parked)
                    : events.acknowledged(due, OutboundOutcome.PARKED, attempt, ack.code(),
                            AcknowledgedEvent.receiverText(ack)));
            LOG.warn("HL7 outbound channel {}: {} control id {} parked after {} attempts", config.name(), due.type(),
                    due.controlId(), attempt);
            return;
        }
        Duration delay = Duration.ofMillis(backoff.afterFailures(attempt));
        store.retry(due.id(), attempt, now.plus(delay), error, ackText, now);
        LOG.info("HL7 outbound channel {}: {} control id {} attempt {} failed; next in {} ms", config.name(),
                due.type(), due.controlId(), attempt, delay.toMillis());
    }
}
