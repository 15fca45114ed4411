package org.pediconsult.platform.api.event;

import java.sql.Connection;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard consumer of domain events. Register it as an OSGi service with the properties
 * {@value #TOPICS} (one or more topic names or ActiveMQ wildcards, e.g. {@code pediconsult.consultation.>})
 * and {@value #CONSUMER} (a stable consumer name, unique per logical consumer). Each consumer gets
 * its own durable queue, so events published while it is stopped are delivered when it comes back.
 *
 * <p>Delivery is at least once; the platform makes consumers idempotent by event id: an event id
 * already processed by this consumer is acknowledged and skipped. {@link #onEvent} runs inside a
 * transaction on {@code tx} that also records the event id; throwing rolls both back and the event
 * is redelivered (after a few tries it goes to the broker's dead-letter queue).
 *
 * @since 1.0
 */
@ConsumerType
public interface EventListener {
    String TOPICS = "pediconsult.event.topics";
    String CONSUMER = "pediconsult.event.consumer";

    void onEvent(DomainEvent event, Connection tx) throws Exception;
}
