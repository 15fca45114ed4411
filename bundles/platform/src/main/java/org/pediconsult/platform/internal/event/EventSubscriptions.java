package org.pediconsult.platform.internal.event;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.pediconsult.platform.api.data.SchemaMigrations;
import org.pediconsult.platform.api.event.EventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whiteboard for {@link EventListener}s: each registered listener gets an {@link IdempotentConsumer}
 * on its own durable queues, opened when the listener appears and closed when it goes.
 */
@Component(service = EventSubscriptions.class, immediate = true)
public class EventSubscriptions {
    private static final Logger LOG = LoggerFactory.getLogger(EventSubscriptions.class);

    private final DataSource dataSource;
    private final ConnectionFactory connectionFactory;
    private final java.time.Clock clock;
    private final Map<EventListener, IdempotentConsumer> consumers = new ConcurrentHashMap<>();

    @Activate
    public EventSubscriptions(@Reference(target = "(dataSourceName=pediconsult)") DataSource dataSource,
                              @Reference ConnectionFactory connectionFactory, @Reference java.time.Clock clock,
                              @Reference SchemaMigrations schemaReady) {
        this.dataSource = dataSource;
        this.connectionFactory = connectionFactory;
        this.clock = clock;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addListener(EventListener listener, Map<String, Object> props) {
        String consumer = (String) props.get(EventListener.CONSUMER);
        String[] topics = topics(props.get(EventListener.TOPICS));
        if (consumer == null || !consumer.matches("[A-Za-z0-9_-]{1,100}") || topics.length == 0) {
            LOG.error("event listener {} ignored: it needs {} (letters, digits, '-', '_') and {}",
                    listener.getClass().getName(), EventListener.CONSUMER, EventListener.TOPICS);
            return;
        }
        try {
            consumers.put(listener, new IdempotentConsumer(consumer, topics, listener, connectionFactory, dataSource, clock));
        } catch (JMSException | RuntimeException e) {
            LOG.error("cannot subscribe event consumer {}: {}", consumer, e.toString());
        }
    }

    void removeListener(EventListener listener) {
        IdempotentConsumer c = consumers.remove(listener);
        if (c != null) {
            c.close();
        }
    }

    @Deactivate
    void stop() {
        consumers.values().forEach(IdempotentConsumer::close);
        consumers.clear();
    }

    private static String[] topics(Object value) {
        if (value instanceof String[]) {
            return (String[]) value;
        }
        if (value instanceof String) {
            return ((String) value).split("\\s*,\\s*");
        }
        return new String[0];
    }
}
