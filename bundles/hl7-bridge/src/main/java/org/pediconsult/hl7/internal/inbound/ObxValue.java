package org.pediconsult.hl7.internal.inbound;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Composite;
import ca.uhn.hl7v2.model.Primitive;
import ca.uhn.hl7v2.model.Type;
import ca.uhn.hl7v2.model.Varies;
import org.pediconsult.consultation.api.dto.ObservationDTO;

/**
 * OBX-5 by its value type (OBX-2) onto an observation: the value as text, the number for NM and
 * plain SN, the code for CE/CWE/CNE. Repetitions are joined (lines for text, "; " for codes).
 * Attachments (ED, RP: e.g. a PDF report) are recorded without their content; any other type HAPI
 * reads (XTN, CX, ...) keeps its HL7-encoded text, so a result is never refused for its type alone.
 */
final class ObxValue {
    static final Set<String> NUMERIC = Set.of("NM", "SN");
    static final Set<String> CODED = Set.of("CE", "CWE", "CNE");
    static final Set<String> TEXT = Set.of("ST", "TX", "FT", "DT", "TM", "TS", "DTM", "ID", "IS");
    static final Set<String> ATTACHMENT = Set.of("ED", "RP");

    /** A value the type does not allow, e.g. NM that is not a number. */
    static final class BadValue extends Exception {
        private static final long serialVersionUID = 1L;

        BadValue(String text) {
            super(text);
        }
    }

    private ObxValue() {
    }

    static void read(Varies[] reps, String type, ObservationDTO o) throws BadValue, HL7Exception {
        List<String> values = new ArrayList<>();
        if (ATTACHMENT.contains(type)) {
            return;
        }
        for (Varies rep : reps) {
            Type data = rep.getData();
            if (data == null || data.isEmpty()) {
                continue;
            }
            if (CODED.contains(type)) {
                String code = component(data, 0);
                String text = component(data, 1);
                if (o.valueCode == null) {
                    o.valueCode = blankToNull(code);
                    o.valueCodingSystem = blankToNull(component(data, 2));
                }
                values.add(blank(text) ? code : text);
            } else if ("SN".equals(type)) {
                values.add(structuredNumeric(data, o, values.isEmpty()));
            } else if ("NM".equals(type)) {
                String v = component(data, 0).trim();
                Double n = number(v);
                if (n == null) {
                    throw new BadValue("is not a number (value type NM)");
                }
                if (values.isEmpty()) {
                    o.numericValue = n;
                }
                values.add(v);
            } else if (TEXT.contains(type)) {
                // formatted text: line breaks as HL7 escapes them
                values.add(component(data, 0).replace("\\.br\\", "\n"));
            } else {
                values.add(data.encode());
            }
        }
        o.value = values.isEmpty() ? null : String.join(CODED.contains(type) ? "; " : "\n", values);
    }

    /** SN: comparator ^ num1 ^ separator/suffix ^ num2, e.g. {@code <^5}, {@code ^1^:^128}, {@code ^2^-^5}. */
    private static String structuredNumeric(Type data, ObservationDTO o, boolean first) throws BadValue {
        String comparator = component(data, 0).trim();
        String num1 = component(data, 1).trim();
        String separator = component(data, 2).trim();
        String num2 = component(data, 3).trim();
        if ((!num1.isEmpty() && number(num1) == null) || (!num2.isEmpty() && number(num2) == null)) {
            throw new BadValue("has a number that is not a number (value type SN)");
        }
        if (first && (comparator.isEmpty() || "=".equals(comparator)) && separator.isEmpty() && num2.isEmpty()) {
            o.numericValue = number(num1);
        }
        return comparator + num1 + separator + num2;
    }

    private static Double number(String v) {
        try {
            return v.isEmpty() ? null : new BigDecimal(v).doubleValue();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The text of component {@code i} (0-based) of a composite, or of a primitive for {@code i == 0}. */
    static String component(Type t, int i) {
        if (t instanceof Varies v) {
            return component(v.getData(), i);
        }
        if (t instanceof Composite c) {
            Type[] parts = c.getComponents();
            return i < parts.length ? component(parts[i], 0) : "";
        }
        if (t instanceof Primitive p && i == 0) {
            return p.getValue() == null ? "" : p.getValue();
        }
        return "";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return blank(s) ? null : s.trim();
    }
}
