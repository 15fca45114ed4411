package org.pediconsult.hl7.internal.outbound;

import java.util.regex.Pattern;

/**
 * Reads a receiver's acknowledgement without trusting it to parse: MSA-1 (code), MSA-2 (the control
 * id it acknowledges) and the receiver's error text (ERR-8 user message or ERR-1/ERR-3, else MSA-3),
 * with the ACK's own separators.
 */
record AckReader(String code, String controlId, String error) {

    /** Null when the text has no MSH with readable separators or no MSA segment. */
    static AckReader read(String text) {
        if (text == null || text.length() < 8 || !text.startsWith("MSH")) {
            return null;
        }
        String field = Pattern.quote(String.valueOf(text.charAt(3)));
        String component = Pattern.quote(String.valueOf(text.charAt(4)));
        String code = null;
        String controlId = "";
        String msaText = "";
        StringBuilder errors = new StringBuilder();
        for (String segment : text.split("[\r\n]+")) {
            String[] f = segment.split(field, -1);
            if (f[0].equals("MSA") && code == null) {
                code = f.length > 1 ? f[1].trim() : "";
                controlId = f.length > 2 ? f[2].trim() : "";
                msaText = f.length > 3 ? f[3].trim() : "";
            } else if (f[0].equals("ERR")) {
                String message = f.length > 8 && !f[8].isBlank() ? f[8]
                        : f.length > 3 && !f[3].isBlank() ? f[3].replaceAll(component, " ")
                        : f.length > 1 ? f[1].replaceAll(component, " ") : "";
                if (!message.isBlank()) {
                    errors.append(errors.length() == 0 ? "" : "; ").append(message.trim());
                }
            }
        }
        if (code == null) {
            return null;
        }
        String error = errors.length() > 0 ? errors.toString() : msaText.isEmpty() ? "(no error text)" : msaText;
        return new AckReader(code, controlId, error);
    }

    boolean accepted() {
        return "AA".equals(code) || "CA".equals(code);
    }

    boolean rejected() {
        return "AR".equals(code) || "CR".equals(code);
    }
}
