package org.pediconsult.platform.internal.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * SHA-256 over a record's fields and the previous record's hash. Each field is length-prefixed so
 * that moving text between fields changes the hash.
 */
final class AuditRecordHash {
    static final String GENESIS = "0".repeat(64);

    private AuditRecordHash() {
    }

    static String of(long seq, Instant recordedAt, String actor, String action, String resourceType,
                     String resourceId, String patientId, String detail, String prevHash) {
        StringBuilder canonical = new StringBuilder(256);
        for (String field : new String[] {Long.toString(seq), recordedAt.toString(), actor, action, resourceType,
                resourceId, patientId, detail, prevHash}) {
            if (field == null) {
                canonical.append("-1:");
            } else {
                canonical.append(field.length()).append(':').append(field);
            }
            canonical.append('|');
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
