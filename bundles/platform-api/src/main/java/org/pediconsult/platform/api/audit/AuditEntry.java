package org.pediconsult.platform.api.audit;

import java.util.Objects;

/**
 * One read or write of patient data (or another security-relevant action) to append to the audit
 * trail. {@code detail} is free text for the auditor; keep it to ids and codes.
 *
 * @since 1.0
 */
public final class AuditEntry {
    /** What was done; READ and WRITE cover most uses. */
    public enum Action { READ, CREATE, UPDATE, DELETE, LOGIN, LOGIN_FAILED, EXPORT, VERIFY }

    private final String actor;
    private final Action action;
    private final String resourceType;
    private final String resourceId;
    private final String patientId;
    private final String detail;

    public AuditEntry(String actor, Action action, String resourceType, String resourceId, String patientId,
                      String detail) {
        this.actor = Objects.requireNonNull(actor, "actor");
        this.action = Objects.requireNonNull(action, "action");
        this.resourceType = Objects.requireNonNull(resourceType, "resourceType");
        this.resourceId = resourceId;
        this.patientId = patientId;
        this.detail = detail;
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
}
