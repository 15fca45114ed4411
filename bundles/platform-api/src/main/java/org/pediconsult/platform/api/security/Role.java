package org.pediconsult.platform.api.security;

/**
 * The roles of people and systems using PediConsult. JAAS role principals with these names map to
 * them; the JWT {@code roles} claim carries them.
 *
 * @since 1.0
 */
public enum Role {
    GUARDIAN, PHYSICIAN, PHARMACIST, COURIER, INTEGRATION_ADMIN, AUDITOR,
    /** Hospital front-desk staff: verify guardians' identities and their relationship to a child. @since 1.3 */
    FRONT_DESK,
    /** Hospital billing staff: insurance claims and their reconciliation. @since 1.3 */
    BILLING,
    /** The hospital information system calling REST as a peer. */
    SYSTEM_HIS,
    /** The insurer calling REST as a peer. */
    SYSTEM_INSURER;

    /** The role of that name, or null when the name is not a PediConsult role (e.g. Karaf's own roles). */
    public static Role fromName(String name) {
        for (Role r : values()) {
            if (r.name().equals(name)) {
                return r;
            }
        }
        return null;
    }
}
