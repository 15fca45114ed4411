package org.pediconsult.hl7.internal.outbound;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.pediconsult.platform.api.event.DomainEvent;
import org.pediconsult.platform.api.event.EventOutbox;

/** A fake platform outbox: keeps what was appended, and whether it was appended inside a transaction. */
public final class RecordingOutbox implements EventOutbox {
    /** One append: the event, and false when the connection was in auto-commit (no transaction). */
    record Appended(DomainEvent event, boolean inTransaction) {
    }

    final List<Appended> appended = new CopyOnWriteArrayList<>();

    @Override
    public void append(Connection tx, DomainEvent event) throws SQLException {
        appended.add(new Appended(event, !tx.getAutoCommit()));
    }

    @Override
    public DomainEvent newEvent(String domain, String name, int version, String aggregateId, String dataJson) {
        return new DomainEvent(UUID.randomUUID().toString(), domain, name, version, Instant.now(), aggregateId, dataJson);
    }
}
