package org.pediconsult.video.internal.room;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One periodic call-quality report of a client ({@code getStats()} of its outbound video): every
 * field may be missing (null). Only numbers are kept: nothing the client sends as text is stored.
 */
public record CallSample(Integer width, Integer height, Double frameRate, Double bitrateKbps, Double packetLossPct,
                         Double rttMs) {

    static CallSample of(JsonNode msg) {
        return new CallSample(integer(msg, "width"), integer(msg, "height"), number(msg, "frameRate"),
                number(msg, "bitrateKbps"), number(msg, "packetLossPct"), number(msg, "rttMs"));
    }

    private static Integer integer(JsonNode msg, String field) {
        Double d = number(msg, field);
        return d == null ? null : (int) Math.round(d);
    }

    private static Double number(JsonNode msg, String field) {
        JsonNode n = msg.get(field);
        if (n == null || !n.isNumber()) {
            return null;
        }
        double d = n.asDouble();
        return Double.isFinite(d) && d >= 0 && d < 1e9 ? d : null;
    }
}
