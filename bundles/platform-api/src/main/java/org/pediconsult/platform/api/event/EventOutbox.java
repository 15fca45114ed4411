package org.pediconsult.platform.api.event;

import java.sql.Connection;
import java.sql.SQLException;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Transactional outbox. A bundle writes its state change and {@link #append} the event on the same
 * JDBC connection, inside the same transaction; the platform's relay publishes committed events to
 * ActiveMQ afterwards, in append order, at least once. A rolled-back transaction publishes nothing.
 *
 * @since 1.0
 */
@ProviderType
public interface EventOutbox {
    /**
     * Adds the event to the outbox within the caller's transaction on {@code tx} (from the platform
     * DataSource). The caller commits.
     */
    void append(Connection tx, DomainEvent event) throws SQLException;

    /**
     * Builds an event with a new id and the platform clock's time.
     *
     * @param dataJson the payload, a JSON object text
     */
    DomainEvent newEvent(String domain, String name, int version, String aggregateId, String dataJson);
}
