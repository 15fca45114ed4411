package org.pediconsult.platform.internal.event;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;

import javax.sql.DataSource;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.pediconsult.platform.api.event.DomainEvent;
import org.pediconsult.platform.api.event.EventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One listener's subscription. Each topic {@code T} is consumed from the ActiveMQ virtual-topic queue
 * {@code Consumer.<consumer>.T}, so events survive the listener's absence and several nodes share the
 * work. The JMS session and the database transaction commit together after the listener returns,
 * and {@code platform_event_inbox} makes a redelivered event a no-op.
 */
final class IdempotentConsumer {
    private static final Logger LOG = LoggerFactory.getLogger(IdempotentConsumer.class);

    private final String consumer;
    private final EventListener listener;
    private final DataSource dataSource;
    private final Clock clock;
    private final jakarta.jms.Connection connection;
    private final Session session;

    IdempotentConsumer(String consumer, String[] topics, EventListener listener, ConnectionFactory factory,
                       DataSource dataSource, Clock clock) throws JMSException {
        this.consumer = consumer;
        this.listener = listener;
        this.dataSource = dataSource;
        this.clock = clock;
        this.connection = factory.createConnection();
        this.session = connection.createSession(true, Session.SESSION_TRANSACTED);
        for (String topic : topics) {
            if (topic.contains("*") || topic.contains(">")) {
                throw new IllegalArgumentException("consumer " + consumer + ": wildcards are not supported, name each topic");
            }
            MessageConsumer mc = session.createConsumer(session.createQueue("Consumer." + consumer + "." + topic));
            mc.setMessageListener(this::onMessage);
        }
        connection.start();
    }

    private void onMessage(Message message) {
        try {
            DomainEvent event = EventJson.fromJson(((TextMessage) message).getText());
            if (handle(event)) {
                LOG.debug("consumer {} processed {}", consumer, event);
            } else {
                LOG.debug("consumer {} skipped already processed event {}", consumer, event.eventId());
            }
            session.commit();
        } catch (Exception e) {
            LOG.warn("consumer {} failed on an event, it will be redelivered: {}", consumer, e.toString());
            try {
                session.rollback();
            } catch (JMSException rollbackFailure) {
                LOG.warn("consumer {} could not roll back its session: {}", consumer, rollbackFailure.toString());
            }
        }
    }

    /** Runs the listener once per event id; returns false for a duplicate. */
    private boolean handle(DomainEvent event) throws Exception {
        try (Connection tx = dataSource.getConnection()) {
            tx.setAutoCommit(false);
            try {
                if (alreadyProcessed(tx, event.eventId())) {
                    tx.rollback();
                    return false;
                }
                try (PreparedStatement ps = tx.prepareStatement(
                        "INSERT INTO platform_event_inbox (consumer, event_id, processed_at) VALUES (?, ?, ?)")) {
                    ps.setString(1, consumer);
                    ps.setString(2, event.eventId());
                    ps.setTimestamp(3, Timestamp.from(clock.instant()));
                    ps.executeUpdate();
                }
                listener.onEvent(event, tx);
                tx.commit();
                return true;
            } catch (Exception e) {
                tx.rollback();
                throw e;
            } finally {
                tx.setAutoCommit(true);
            }
        }
    }

    private boolean alreadyProcessed(Connection tx, String eventId) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement(
                "SELECT 1 FROM platform_event_inbox WHERE consumer = ? AND event_id = ?")) {
            ps.setString(1, consumer);
            ps.setString(2, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    void close() {
        try {
            connection.close();
        } catch (JMSException e) {
            LOG.debug("closing consumer {}: {}", consumer, e.toString());
        }
    }
}
