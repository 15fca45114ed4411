package org.pediconsult.growth.who;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Minimal RFC 4180 CSV reader for the validation files (quoted fields, CRLF or LF), rows by header name. */
final class Csv {

    private Csv() {
    }

    static List<Map<String, String>> read(String resource) {
        try (InputStream in = Csv.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> header = null;
            List<Map<String, String>> rows = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                List<String> fields = split(line);
                if (header == null) {
                    header = fields;
                    continue;
                }
                if (fields.size() != header.size()) {
                    throw new IllegalStateException(resource + ": " + fields.size() + " fields, header has "
                        + header.size() + ": " + line);
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    row.put(header.get(i), fields.get(i).trim());
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c != '\r') {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    /** WHO's numeric sex code (1 male, 2 female). */
    static Sex sex(String code) {
        switch (code.trim()) {
            case "1":
                return Sex.MALE;
            case "2":
                return Sex.FEMALE;
            default:
                throw new IllegalArgumentException("sex code " + code);
        }
    }

    /** WHO's measure code: l = lying, h = standing, blank = unknown. */
    static Position position(String measure) {
        switch (measure.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "l":
                return Position.LYING;
            case "h":
                return Position.STANDING;
            case "":
                return Position.UNKNOWN;
            default:
                throw new IllegalArgumentException("measure " + measure);
        }
    }

    /** A number, or NaN for a blank field. */
    static double number(String s) {
        return s == null || s.isBlank() ? Double.NaN : Double.parseDouble(s.trim());
    }
}
