package org.pediconsult.hl7.internal.inbound;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HL7 DTM/TS text ({@code YYYY[MM[DD[HH[MM[SS[.S[S[S[S]]]]]]]]][+/-ZZZZ]}) to an instant. A time
 * without offset is the sender's local time: the offset of the message header (MSH-7) when it has
 * one, else the given zone.
 */
final class Hl7Time {
    private static final Pattern DTM = Pattern.compile(
            "(\\d{4})(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?(?:\\.(\\d{1,4}))?([+-]\\d{4})?");

    private Hl7Time() {
    }

    /** Null for blank text. */
    static Instant parse(String text, ZoneId local) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher m = DTM.matcher(text.trim());
        if (!m.matches()) {
            throw new DateTimeException("not an HL7 date/time");
        }
        LocalDateTime t = LocalDateTime.of(Integer.parseInt(m.group(1)), num(m.group(2), 1), num(m.group(3), 1),
                num(m.group(4), 0), num(m.group(5), 0), num(m.group(6), 0),
                m.group(7) == null ? 0 : Integer.parseInt((m.group(7) + "000").substring(0, 4)) * 100_000);
        ZoneId zone = m.group(8) == null ? local : offset(m.group(8));
        return t.atZone(zone).toInstant();
    }

    /** The offset of an HL7 time, or null when it has none (or is not a time). */
    static ZoneOffset offsetOf(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = DTM.matcher(text.trim());
        return m.matches() && m.group(8) != null ? offset(m.group(8)) : null;
    }

    private static ZoneOffset offset(String zzzz) {
        int sign = zzzz.charAt(0) == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * Integer.parseInt(zzzz.substring(1, 3)),
                sign * Integer.parseInt(zzzz.substring(3, 5)));
    }

    private static int num(String group, int absent) {
        return group == null ? absent : Integer.parseInt(group);
    }
}
