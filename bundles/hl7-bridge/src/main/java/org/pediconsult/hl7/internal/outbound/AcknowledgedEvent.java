package org.pediconsult.hl7.internal.outbound;

import org.pediconsult.platform.api.event.EventOutbox;

/**
 * The event {@code hl7.outbound-acknowledged} that publishes a delivery outcome, SENT or PARKED, appended
 * to the platform outbox on the transaction that records the outcome (its payload:
 * {@link OutboundChannel}).
 */
final class AcknowledgedEvent {
    static final String ACK_EVENT_DOMAIN = "hl7";
    static final String ACK_EVENT_NAME = "outbound-acknowledged";

    private final String channel;
    private final EventOutbox outbox;

    AcknowledgedEvent(String channel, EventOutbox outbox) {
        this.channel = channel;
        this.outbox = outbox;
    }

    /** The event {@code hl7.outbound-acknowledged} for this outcome, appended on the store's transaction. */
    OutboundStore.InTransaction acknowledged(OutboundStore.Due due, OutboundOutcome outcome, int attempts,
                                             String ackCode, String error) {
        return tx -> {
            java.util.Map<String, Object> data = new java.util.LinkedHashMap<>();
            data.put("channel", channel);
            data.put("messageId", due.id());
            data.put("messageType", due.type());
            data.put("controlId", due.controlId());
            data.put("sourceEventId", due.eventId());
            data.put("sourceEventType", due.eventType());
            data.put("sourceAggregateId", due.aggregateId());
            data.put("outcome", outcome.name());
            data.put("ackCode", ackCode);
            data.put("error", OutboundStore.cut(error, 1000));
            data.put("attempts", attempts);
            outbox.append(tx, outbox.newEvent(ACK_EVENT_DOMAIN, ACK_EVENT_NAME, 1, String.valueOf(due.id()), json(data)));
        };
    }

    /** The receiver's own error text (ERR-8, ERR-3/ERR-1, else MSA-3), or null when it gave none. */
    static String receiverText(AckReader ack) {
        return "(no error text)".equals(ack.error()) ? null : ack.error();
    }

    /** A flat JSON object of strings, numbers and nulls (the bridge has no JSON library). */
    static String json(java.util.Map<String, Object> data) {
        StringBuilder b = new StringBuilder("{");
        for (java.util.Map.Entry<String, Object> e : data.entrySet()) {
            if (b.length() > 1) {
                b.append(',');
            }
            string(b, e.getKey());
            b.append(':');
            Object v = e.getValue();
            if (v == null) {
                b.append("null");
            } else if (v instanceof Number) {
                b.append(v);
            } else {
                string(b, String.valueOf(v));
            }
        }
        return b.append('}').toString();
    }

    private static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': b.append("\\\""); break;
                case '\\': b.append("\\\\"); break;
                case '\n': b.append("\\n"); break;
                case '\r': b.append("\\r"); break;
                case '\t': b.append("\\t"); break;
                default:
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
            }
        }
        b.append('"');
    }
}
