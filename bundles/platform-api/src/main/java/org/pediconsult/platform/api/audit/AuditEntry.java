package org.pediconsult.platform.api.audit;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One read or write of patient data (or another security-relevant action) to append to the audit
 * trail. {@code detail} is free text for the auditor; keep it to ids and codes.
 *
 * <p>The client's address is taken from the REST request being served when the entry does not carry
 * one ({@link #withClientAddress}); a list read names every patient it showed ({@link #withPatients}).
 *
 * @since 1.0
 */
public final class AuditEntry {
    /**
     * What was done; READ and WRITE cover most uses. REFUSED (since 1.1): an access that was refused
     * (no or a bad token, a role that may not, another family's object, a rate limit).
     */
    public enum Action { READ, CREATE, UPDATE, DELETE, LOGIN, LOGIN_FAILED, EXPORT, VERIFY, REFUSED }

    private final String actor;
    private final Action action;
    private final String resourceType;
    private final String resourceId;
    private final String patientId;
    private final String detail;
    private final String clientAddress;
    private final List<String> patientIds;

    public AuditEntry(String actor, Action action, String resourceType, String resourceId, String patientId,
                      String detail) {
        this(actor, action, resourceType, resourceId, patientId, detail, null, List.of());
    }

    private AuditEntry(String actor, Action action, String resourceType, String resourceId, String patientId,
                       String detail, String clientAddress, List<String> patientIds) {
        this.actor = Objects.requireNonNull(actor, "actor");
        this.action = Objects.requireNonNull(action, "action");
        this.resourceType = Objects.requireNonNull(resourceType, "resourceType");
        this.resourceId = resourceId;
        this.patientId = patientId;
        this.detail = detail;
        this.clientAddress = clientAddress;
        this.patientIds = patientIds;
    }

    /**
     * The same entry made from {@code address} (an IP address, or e.g. {@code hl7:his} for a system
     * peer without one).
     *
     * @since 1.1
     */
    public AuditEntry withClientAddress(String address) {
        return new AuditEntry(actor, action, resourceType, resourceId, patientId, detail, address, patientIds);
    }

    /**
     * The same entry naming every patient a list read showed (sorted, duplicates removed); an
     * auditor asking who saw a child finds it through any of them.
     *
     * @since 1.1
     */
    public AuditEntry withPatients(Collection<String> ids) {
        TreeSet<String> sorted = new TreeSet<>();
        for (String id : ids) {
            if (id != null) {
                sorted.add(id);
            }
        }
        return new AuditEntry(actor, action, resourceType, resourceId, patientId, detail, clientAddress,
                List.copyOf(sorted));
    }

    public String actor() {
        return actor;
    }

    public Action action() {
        return action;
    }

    public String resourceType() {
        return resourceType;
    }

    public String resourceId() {
        return resourceId;
    }

    /** The child the data belongs to, when there is one; lets an auditor list every access to a child. */
    public String patientId() {
        return patientId;
    }

    public String detail() {
        return detail;
    }

    /**
     * Where the request came from, when the entry says so (else the trail takes the REST request's).
     *
     * @since 1.1
     */
    public String clientAddress() {
        return clientAddress;
    }

    /**
     * The patients a list read showed (sorted), besides {@link #patientId()}; empty for a single read or a write.
     *
     * @since 1.1
     */
    public List<String> patientIds() {
        return patientIds;
    }
}
