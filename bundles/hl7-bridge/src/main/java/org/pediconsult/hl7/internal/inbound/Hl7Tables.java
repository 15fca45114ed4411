package org.pediconsult.hl7.internal.inbound;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;

import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.Version;
import ca.uhn.hl7v2.model.v251.message.ACK;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleWiring;

/**
 * The HL7 tables a message header is checked against before anything is accepted: MSH-9's message
 * code (table 0076), trigger event (0003) and message structure (0354), and MSH-12's version (0104).
 * Not typed by hand: taken from HAPI, which knows them from the standard. The messages of HL7 2.5.1
 * (the model this bridge reads every version into) are HAPI's message structure classes of 2.5.1 and
 * its 2.5.1 event map ({@code ca/uhn/hl7v2/parser/eventmap/2.5.1.properties}, event to structure);
 * the versions are HAPI's {@link Version}s (2.1 to 2.8.1).
 */
final class Hl7Tables {
    private static final String MESSAGES = "ca/uhn/hl7v2/model/v251/message";
    private static final String EVENT_MAP = "ca/uhn/hl7v2/parser/eventmap/2.5.1.properties";
    /** A message structure or type_event: HAPI writes a few generic ones with lower case (MFN_Znn). */
    private static final Pattern STRUCTURE = Pattern.compile("[A-Z0-9]{3}(_[A-Za-z0-9]{3})?");
    private static final int SHOWN = 16;

    private final Set<String> codes;
    private final Set<String> events;
    private final Set<String> structures;

    Hl7Tables(Set<String> codes, Set<String> events, Set<String> structures) {
        this.codes = Set.copyOf(codes);
        this.events = Set.copyOf(events);
        this.structures = Set.copyOf(structures);
    }

    /** The tables of HL7 2.5.1 as HAPI's structures define them. */
    static Hl7Tables fromHapi() throws IOException {
        Set<String> codes = new HashSet<>();
        Set<String> events = new HashSet<>();
        Set<String> structures = new HashSet<>();
        for (String name : messageClasses()) {
            if (STRUCTURE.matcher(name).matches()) {
                structures.add(name);
                add(name, codes, events);
            }
        }
        if (structures.isEmpty()) {
            throw new IOException("HAPI's HL7 2.5.1 message structures (" + MESSAGES + ") cannot be listed");
        }
        Properties map = new Properties();
        try (InputStream in = ACK.class.getClassLoader().getResourceAsStream(EVENT_MAP)) {
            if (in == null) {
                throw new IOException("HAPI's event map " + EVENT_MAP + " is missing");
            }
            map.load(in);
        }
        for (String event : map.stringPropertyNames()) {
            String structure = map.getProperty(event).trim();
            if (STRUCTURE.matcher(event).matches() && STRUCTURE.matcher(structure).matches()) {
                add(event, codes, events);
                structures.add(structure);
            }
        }
        return new Hl7Tables(codes, events, structures);
    }

    private static void add(String typeEvent, Set<String> codes, Set<String> events) {
        int cut = typeEvent.indexOf('_');
        codes.add(cut < 0 ? typeEvent : typeEvent.substring(0, cut));
        if (cut >= 0) {
            events.add(typeEvent.substring(cut + 1));
        }
    }

    /** The simple names of the classes in HAPI's 2.5.1 message package, inside OSGi or from a jar. */
    private static List<String> messageClasses() throws IOException {
        List<String> names = new ArrayList<>();
        Bundle bundle = FrameworkUtil.getBundle(ACK.class);
        if (bundle != null) {
            BundleWiring wiring = bundle.adapt(BundleWiring.class);
            Collection<String> found = wiring == null ? List.of()
                    : wiring.listResources(MESSAGES, "*.class", BundleWiring.LISTRESOURCES_LOCAL);
            for (String path : found) {
                names.add(path.substring(path.lastIndexOf('/') + 1, path.length() - ".class".length()));
            }
            return names;
        }
        File location;
        try {
            location = new File(ACK.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new IOException("cannot locate HAPI's structures", e);
        }
        if (location.isDirectory()) {
            String[] files = new File(location, MESSAGES).list((dir, f) -> f.endsWith(".class"));
            for (String f : files == null ? new String[0] : files) {
                names.add(f.substring(0, f.length() - ".class".length()));
            }
            return names;
        }
        try (JarFile jar = new JarFile(location)) {
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                String path = e.nextElement().getName();
                if (path.startsWith(MESSAGES + "/") && path.endsWith(".class") && path.indexOf('/', MESSAGES.length() + 1) < 0) {
                    names.add(path.substring(MESSAGES.length() + 1, path.length() - ".class".length()));
                }
            }
        }
        return names;
    }

    int codes() {
        return codes.size();
    }

    int events() {
        return events.size();
    }

    int structures() {
        return structures.size();
    }

    /**
     * Checks MSH-9 and MSH-12 of a message whose header is readable.
     *
     * @return null when both are values of their tables, else the refusal located at the field
     */
    HL7Exception check(String text) {
        char field = text.charAt(3);
        if (text.length() < 5 || text.charAt(4) == field || text.charAt(4) == '\r') {
            return refusal("MSH-2 (encoding characters) is missing", ErrorCode.REQUIRED_FIELD_MISSING, 2);
        }
        char component = text.charAt(4);
        // MSH-9 and MSH-12 of the first segment, found without regular expressions (this runs for every frame)
        String type = field(text, field, 9);
        int c1 = type.indexOf(component);
        int c2 = c1 < 0 ? -1 : type.indexOf(component, c1 + 1);
        int c3 = c2 < 0 ? -1 : type.indexOf(component, c2 + 1);
        String code = (c1 < 0 ? type : type.substring(0, c1)).trim();
        String event = c1 < 0 ? "" : (c2 < 0 ? type.substring(c1 + 1) : type.substring(c1 + 1, c2)).trim();
        String structure = c2 < 0 ? "" : (c3 < 0 ? type.substring(c2 + 1) : type.substring(c2 + 1, c3)).trim();
        if (!codes.contains(code)) {
            return refusal("MSH-9 message code '" + shown(code) + "' is not in HL7 table 0076 (message type)",
                    ErrorCode.UNSUPPORTED_MESSAGE_TYPE, 9);
        }
        if (event.isEmpty() ? !"ACK".equals(code) : !events.contains(event)) {
            return refusal(event.isEmpty() ? "MSH-9 has no trigger event (MSH-9.2)"
                    : "MSH-9 trigger event '" + shown(event) + "' is not in HL7 table 0003 (event type)",
                    ErrorCode.UNSUPPORTED_EVENT_CODE, 9);
        }
        if (!structure.isEmpty() && !structures.contains(structure)) {
            return refusal("MSH-9 message structure '" + shown(structure) + "' is not in HL7 table 0354",
                    ErrorCode.UNSUPPORTED_MESSAGE_TYPE, 9);
        }
        String version = field(text, field, 12);
        int cut = version.indexOf(component);
        version = (cut < 0 ? version : version.substring(0, cut)).trim();
        if (version.isEmpty()) {
            return refusal("MSH-12 (version) is empty", ErrorCode.REQUIRED_FIELD_MISSING, 12);
        }
        if (Version.versionOf(version) == null) {
            return refusal("MSH-12 version '" + shown(version) + "' is not an HL7 version of table 0104 read here ("
                    + Version.values()[0].getVersion() + " to " + Version.latestVersion().getVersion() + ")",
                    ErrorCode.UNSUPPORTED_VERSION_ID, 12);
        }
        return null;
    }

    /** MSH-n (n >= 3) of the first segment: MSH-1 is the separator at index 3, MSH-2 follows it. */
    private static String field(String text, char separator, int n) {
        int end = text.indexOf('\r');
        end = end < 0 ? text.length() : end;
        int at = 3;
        for (int i = 1; i < n - 1 && at >= 0; i++) {
            at = text.indexOf(separator, at + 1);
            if (at >= end) {
                at = -1;
            }
        }
        if (at < 0) {
            return "";
        }
        int next = text.indexOf(separator, at + 1);
        return text.substring(at + 1, next < 0 || next > end ? end : next);
    }

    /** A header value in an ERR text: at most a few characters, printable ASCII only. */
    private static String shown(String value) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < value.length() && i < SHOWN; i++) {
            char c = value.charAt(i);
            s.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return value.length() > SHOWN ? s + "..." : s.toString();
    }

    private static HL7Exception refusal(String reason, ErrorCode code, int field) {
        return Acks.error(reason, code, "MSH", field);
    }
}
