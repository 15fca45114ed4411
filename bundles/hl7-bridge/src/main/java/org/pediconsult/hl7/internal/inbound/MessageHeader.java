package org.pediconsult.hl7.internal.inbound;

import java.util.regex.Pattern;

/**
 * The few MSH fields the channel needs before parsing (sender, control id, type, version), read
 * from the first segment with the message's own separators, so even a message HAPI refuses can be
 * stored under its key and answered.
 *
 * <p>Not HAPI's {@code PreParser}: it fails (here: no header at all) for an MSH segment that ends
 * before MSH-12 and for some public samples this reads, and it reads the whole message, not just
 * the MSH segment (measured: about 12 times slower for a small ADT, over 100 times for a large ORU).
 */
record MessageHeader(String sendingApplication, String sendingFacility, String messageType, String controlId,
                     String version) {

    /** Null when the text does not start with a readable MSH segment. */
    static MessageHeader read(String text) {
        if (text == null || text.length() < 8 || !text.startsWith("MSH")) {
            return null;
        }
        char field = text.charAt(3);
        char component = text.charAt(4);
        int end = text.indexOf('\r');
        String[] f = text.substring(0, end < 0 ? text.length() : end).split(Pattern.quote(String.valueOf(field)), -1);
        // f[0] = "MSH", f[1] = encoding characters, so MSH-n is f[n - 1]
        return new MessageHeader(first(f, 3, component), first(f, 4, component),
                join(f, 9, component), first(f, 10, component), first(f, 12, component));
    }

    private static String first(String[] f, int msh, char component) {
        if (f.length < msh) {
            return "";
        }
        String v = f[msh - 1];
        int cut = v.indexOf(component);
        return (cut < 0 ? v : v.substring(0, cut)).trim();
    }

    /** MSH-9 as type^event. */
    private static String join(String[] f, int msh, char component) {
        if (f.length < msh) {
            return "";
        }
        String[] parts = f[msh - 1].split(Pattern.quote(String.valueOf(component)), -1);
        return parts.length >= 2 && !parts[0].isBlank() ? parts[0].trim() + "^" + parts[1].trim() : parts[0].trim();
    }
}
