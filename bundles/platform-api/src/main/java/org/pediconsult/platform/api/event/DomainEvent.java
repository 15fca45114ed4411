package org.pediconsult.platform.api.event;

import java.time.Instant;
import java.util.Objects;

/**
 * An event between bundles. On the wire it is a JSON object with {@code eventId}, {@code type},
 * {@code version}, {@code occurredAt}, {@code aggregateId} and {@code data} (the payload, itself
 * JSON), published to the ActiveMQ topic {@code pediconsult.<domain>.<event>}, e.g.
 * {@code pediconsult.consultation.booked}. The payload carries ids, not names: never put patient
 * identity into an event that does not need it.
 *
 * @since 1.0
 */
public final class DomainEvent {
    private final String eventId;
    private final String domain;
    private final String name;
    private final int version;
    private final Instant occurredAt;
    private final String aggregateId;
    private final String dataJson;

    public DomainEvent(String eventId, String domain, String name, int version, Instant occurredAt,
                       String aggregateId, String dataJson) {
        this.eventId = Objects.requireNonNull(eventId, "eventId");
        this.domain = requireToken(domain, "domain");
        this.name = requireToken(name, "name");
        this.version = version;
        this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
        this.aggregateId = aggregateId;
        this.dataJson = dataJson == null ? "{}" : dataJson;
    }

    /** Compiled once: String.matches compiled it for every event, twice (a booking's profile showed it). */
    private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("[a-z][a-z0-9-]*");

    private static String requireToken(String s, String what) {
        if (s == null || !TOKEN.matcher(s).matches()) {
            throw new IllegalArgumentException(what + " must be lower-case letters, digits and '-': " + s);
        }
        return s;
    }

    public String eventId() {
        return eventId;
    }

    public String domain() {
        return domain;
    }

    public String name() {
        return name;
    }

    /** {@code <domain>.<name>}, e.g. {@code consultation.booked}. */
    public String type() {
        return domain + "." + name;
    }

    /** The ActiveMQ topic: {@code pediconsult.<domain>.<name>}. */
    public String destination() {
        return "pediconsult." + type();
    }

    public int version() {
        return version;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String aggregateId() {
        return aggregateId;
    }

    /** The event payload as a JSON object text. */
    public String dataJson() {
        return dataJson;
    }

    @Override
    public String toString() {
        return "DomainEvent[" + type() + " v" + version + " " + eventId + "]";
    }
}
