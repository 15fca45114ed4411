package org.pediconsult.hl7.internal.inbound;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import org.pediconsult.hl7.internal.common.Hl7Text;

/**
 * The work one inbound frame may cause, decided before HAPI sees it. One pass over the text counts
 * what HAPI's parse costs (segments, fields, repetitions, components, subcomponents, escape
 * sequences; {@link FrameLimits}) and refuses a frame over any limit, or holding a control character
 * (anything below 0x20 but the segment terminator CR, and DEL), with an ERR that names the limit and
 * where it was exceeded, never the content. So every frame is answered after a bounded amount of
 * work whatever it holds.
 *
 * <p>HAPI's model of a message within the limits can still take tens of MB (it builds every
 * component of a composite field eagerly: up to ~6 KB a field value), so heavy messages (more than
 * {@value #LIGHT_WEIGHT} segments and field values together, or {@value #LIGHT_SEPARATORS} separators;
 * the largest public sample has ~1,950 and ~9,000) are parsed one at a time per channel
 * ({@link #admit}); ordinary messages never wait.
 */
final class ParseBudget {
    static final int LIGHT_WEIGHT = 2_000;
    static final int LIGHT_SEPARATORS = 20_000;
    /** How long a heavy message waits for another one to finish before it is answered AE (send again). */
    static final long HEAVY_WAIT_SECONDS = 30;
    private static final char NONE = '\uffff';

    private final FrameLimits limits;
    private final Semaphore heavy = new Semaphore(1, true);

    /** What a frame within the budget will cost to parse. */
    record Cost(int segments, int values, int separators, int escapes) {
        boolean heavy() {
            return segments + values > LIGHT_WEIGHT || separators > LIGHT_SEPARATORS;
        }
    }

    /** Held while a message's model exists; closing it lets the next heavy message parse. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    ParseBudget(FrameLimits limits) {
        this.limits = limits;
    }

    FrameLimits limits() {
        return limits;
    }

    /**
     * Measures a message (text as normalised by {@link Hl7Text}, starting with a readable MSH segment).
     *
     * @throws HL7Exception the refusal: a limit exceeded or a control character, located
     */
    Cost measure(String text) throws HL7Exception {
        return new Pass(text).run();
    }

    /** Waits for the channel's heavy-message slot when {@code cost} is heavy; the permit must be closed. */
    Permit admit(Cost cost) throws HL7Exception {
        if (!cost.heavy()) {
            return () -> { };
        }
        try {
            if (!heavy.tryAcquire(HEAVY_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new Unavailable("the channel is busy with other large messages; send again later");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while waiting to parse a large message; send again later");
        }
        return heavy::release;
    }

    /** The one pass over a message. */
    private final class Pass {
        private final String text;
        private final char field;
        private final char component;
        private final char repetition;
        private final char escape;
        private final char subcomponent;
        /** End of MSH-2 (the encoding characters, which are not separators). */
        private final int encodingEnd;

        private int segments;
        private int values;
        private int separators;
        private int escapeChars;
        // the segment, field, repetition and component being read
        private int segmentStart;
        private boolean segmentHasText;
        private int fields;
        private boolean fieldHasText;
        private int repetitions;
        private int components;
        private int subcomponents;

        Pass(String text) {
            this.text = text;
            this.field = text.length() > 3 ? text.charAt(3) : NONE;
            int end = 4;
            while (end < text.length() && text.charAt(end) != field && text.charAt(end) != '\r') {
                end++;
            }
            this.encodingEnd = end;
            this.component = encoding(0);
            this.repetition = encoding(1);
            this.escape = encoding(2);
            this.subcomponent = encoding(3);
        }

        private char encoding(int i) {
            return 4 + i < encodingEnd ? text.charAt(4 + i) : NONE;
        }

        Cost run() throws HL7Exception {
            int n = text.length();
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                if (c == '\r') {
                    endSegment(i);
                    continue;
                }
                if (c < 0x20 || c == 0x7f) {
                    throw located(String.format("control character 0x%02X in %s: HL7 text may hold no control "
                            + "characters but the segment terminator (CR)", (int) c, where(i)), ErrorCode.DATA_TYPE_ERROR, i);
                }
                segmentHasText = true;
                if (segments == 0 && i > 3 && i < encodingEnd) {
                    continue; // MSH-2: the encoding characters themselves
                }
                if (c == field) {
                    endField(i);
                    if (++fields > limits.fieldsPerSegment()) {
                        throw over("more than " + limits.fieldsPerSegment() + " fields in one " + segmentName()
                                + " segment", "limit.fields.per.segment", i);
                    }
                    separator(i);
                } else if (fields == 0) {
                    continue; // the segment's name
                } else if (c == repetition) {
                    fieldHasText = true;
                    components = 0;
                    subcomponents = 0;
                    if (++repetitions > limits.repetitionsPerField()) {
                        throw over("more than " + limits.repetitionsPerField() + " repetitions in " + where(i),
                                "limit.repetitions.per.field", i);
                    }
                    separator(i);
                } else if (c == component) {
                    fieldHasText = true;
                    subcomponents = 0;
                    if (++components > limits.componentsPerRepetition()) {
                        throw over("more than " + limits.componentsPerRepetition() + " components in a repetition of "
                                + where(i), "limit.components.per.repetition", i);
                    }
                    separator(i);
                } else if (c == subcomponent) {
                    fieldHasText = true;
                    if (++subcomponents > limits.subcomponentsPerComponent()) {
                        throw over("more than " + limits.subcomponentsPerComponent() + " subcomponents in a component of "
                                + where(i), "limit.subcomponents.per.component", i);
                    }
                    separator(i);
                } else {
                    fieldHasText = true;
                    if (c == escape && ++escapeChars > 2L * limits.escapes()) {
                        throw over("more than " + limits.escapes() + " escape sequences", "limit.escapes", i);
                    }
                }
            }
            endSegment(n);
            return new Cost(segments, values, separators, (escapeChars + 1) / 2);
        }

        private void separator(int i) throws HL7Exception {
            if (++separators > limits.separators()) {
                throw over("more than " + limits.separators() + " separators", "limit.separators", i);
            }
        }

        private void endField(int i) throws HL7Exception {
            if (fields > 0 && fieldHasText) {
                values += 1 + repetitions;
                if (values > limits.values()) {
                    throw over("more than " + limits.values() + " field values", "limit.values", i);
                }
            }
            fieldHasText = false;
            repetitions = 0;
            components = 0;
            subcomponents = 0;
        }

        private void endSegment(int i) throws HL7Exception {
            endField(i);
            if (segmentHasText && ++segments > limits.segments()) {
                throw over("more than " + limits.segments() + " segments", "limit.segments", i);
            }
            segmentHasText = false;
            fields = 0;
            segmentStart = i + 1;
        }

        private HL7Exception over(String what, String setting, int at) {
            return located("parse budget exceeded: " + what + " (" + setting + "); the message was not parsed",
                    ErrorCode.APPLICATION_INTERNAL_ERROR, at);
        }

        /** The refusal located at the segment (and field) being read. */
        private HL7Exception located(String reason, ErrorCode code, int at) {
            HL7Exception e = new HL7Exception(reason, code);
            String name = segmentName();
            if (!name.equals("segment")) {
                e.setSegmentName(name);
                e.setSegmentRepetition(occurrence(name));
                if (position() > 0) {
                    e.setFieldPosition(position());
                }
            }
            return e;
        }

        /** HL7's number of the field being read: MSH-1 is the field separator itself. */
        private int position() {
            return segmentStart == 0 ? fields + 1 : fields;
        }

        private String where(int at) {
            String name = segmentName();
            return position() > 0 && !name.equals("segment") ? name + "-" + position() : name;
        }

        /** The current segment's name when it is one (three letters or digits), else "segment". */
        private String segmentName() {
            int end = segmentStart + 3;
            if (end > text.length()) {
                return "segment";
            }
            for (int i = segmentStart; i < end; i++) {
                char c = text.charAt(i);
                if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                    return "segment";
                }
            }
            return text.substring(segmentStart, end);
        }

        /** Which occurrence of its name the current segment is (ERR's segment sequence). */
        private int occurrence(String name) {
            String start = name + field;
            int count = segmentStart > 0 && text.startsWith(start) ? 2 : 1;
            for (int from = 0; ; ) {
                int at = text.indexOf('\r' + start, from);
                if (at < 0 || at + 1 >= segmentStart) {
                    return count;
                }
                count++;
                from = at + 1;
            }
        }
    }
}
