package org.pediconsult.platform.internal.event;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.pediconsult.platform.api.Ids;
import org.pediconsult.platform.api.data.SchemaMigrations;
import org.pediconsult.platform.api.event.DomainEvent;
import org.pediconsult.platform.api.event.EventOutbox;

/** Appends events to {@code platform_outbox} on the caller's connection, inside its transaction. */
@Component(service = EventOutbox.class)
public class JdbcEventOutbox implements EventOutbox {
    private final Clock clock;

    @Activate
    public JdbcEventOutbox(@Reference Clock clock, @Reference SchemaMigrations schemaReady) {
        this.clock = clock;
    }

    @Override
    public void append(Connection tx, DomainEvent event) throws SQLException {
        try (PreparedStatement ps = tx.prepareStatement("INSERT INTO platform_outbox "
                + "(event_id, destination, event_type, body, created_at) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, event.eventId());
            ps.setString(2, event.destination());
            ps.setString(3, event.type());
            ps.setString(4, EventJson.toJson(event));
            ps.setTimestamp(5, Timestamp.from(clock.instant()));
            ps.executeUpdate();
        }
    }

    @Override
    public DomainEvent newEvent(String domain, String name, int version, String aggregateId, String dataJson) {
        return new DomainEvent(Ids.newId(), domain, name, version, clock.instant(), aggregateId, dataJson);
    }
}
