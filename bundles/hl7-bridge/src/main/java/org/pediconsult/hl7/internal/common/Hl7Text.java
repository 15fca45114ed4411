package org.pediconsult.hl7.internal.common;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Turns a frame's bytes into HL7 text as HAPI expects it: decoded in the charset MSH-18 names
 * (UTF-8 when absent), segments separated by CR whatever line endings the sender used.
 */
public final class Hl7Text {
    private Hl7Text() {
    }

    public static String decode(byte[] frame) {
        String ascii = new String(frame, StandardCharsets.ISO_8859_1);
        return normalise(new String(frame, charsetOf(ascii)));
    }

    public static String normalise(String text) {
        String s = text.replace("\r\n", "\r").replace('\n', '\r');
        while (s.endsWith("\r\r")) {
            s = s.substring(0, s.length() - 1);
        }
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** MSH-18 (character set); HL7 table 0211 names, e.g. UNICODE UTF-8, 8859/1. */
    static Charset charsetOf(String ascii) {
        if (!ascii.startsWith("MSH") || ascii.length() < 8) {
            return StandardCharsets.UTF_8;
        }
        char field = ascii.charAt(3);
        int end = ascii.indexOf('\r') > 0 ? ascii.indexOf('\r') : ascii.indexOf('\n') > 0 ? ascii.indexOf('\n') : ascii.length();
        String[] fields = ascii.substring(0, end).split(java.util.regex.Pattern.quote(String.valueOf(field)), -1);
        String declared = fields.length > 17 ? fields[17].trim().toUpperCase() : "";
        switch (declared) {
            case "8859/1":
                return StandardCharsets.ISO_8859_1;
            case "ASCII":
                return StandardCharsets.US_ASCII;
            case "UNICODE UTF-16":
                return StandardCharsets.UTF_16;
            default:
                return StandardCharsets.UTF_8;
        }
    }
}
