package org.pediconsult.platform.internal.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

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
        return of(seq, recordedAt, actor, action, resourceType, resourceId, patientId, detail, null, null, prevHash);
    }

    /**
     * The hash of a record. The client address and the patients of a list read (since V3) take part
     * only when the record has one of them, so the records sealed before keep their hashes.
     */
    static String of(long seq, Instant recordedAt, String actor, String action, String resourceType,
                     String resourceId, String patientId, String detail, String clientAddress, String patients,
                     String prevHash) {
        StringBuilder canonical = new StringBuilder(256);
        List<String> fields = new ArrayList<>(List.of(Long.toString(seq), recordedAt.toString()));
        fields.addAll(Arrays.asList(actor, action, resourceType, resourceId, patientId, detail));
        if (clientAddress != null || patients != null) {
            fields.add(clientAddress);
            fields.add(patients);
        }
        fields.add(prevHash);
        for (String field : fields) {
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
