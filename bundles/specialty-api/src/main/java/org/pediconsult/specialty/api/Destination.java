package org.pediconsult.specialty.api;

import java.util.Objects;

/**
 * Where triage sends a child who is not seen online: a kind of facility, and the specialty's own
 * name for it (e.g. {@code MENTAL_HEALTH_SERVICE}, "儿童青少年精神心理门诊 / child and adolescent
 * mental health clinic"). The platform writes it into the referral instead of its default.
 *
 * @since 1.4
 */
public final class Destination {
    /** The kinds of facility the platform knows; OTHER when none fits (the facility text says which). */
    public enum Type {
        EMERGENCY_DEPARTMENT, PEDIATRIC_OUTPATIENT, SPECIALIST_OUTPATIENT, MENTAL_HEALTH_SERVICE, PRIMARY_CARE, OTHER
    }

    public final Type type;
    /** The facility as the guardian should look for it. */
    public final LocalizedText facility;

    public Destination(Type type, LocalizedText facility) {
        this.type = Objects.requireNonNull(type, "type");
        this.facility = Objects.requireNonNull(facility, "facility");
    }

    public static Destination of(Type type, LocalizedText facility) {
        return new Destination(type, facility);
    }

    /** The platform's emergency department. */
    public static final Destination EMERGENCY_DEPARTMENT = new Destination(Type.EMERGENCY_DEPARTMENT,
            LocalizedText.of("急诊", "emergency department"));

    /** The platform's in-person pediatric clinic. */
    public static final Destination PEDIATRIC_OUTPATIENT = new Destination(Type.PEDIATRIC_OUTPATIENT,
            LocalizedText.of("儿科门诊", "in-person pediatric clinic"));

    @Override
    public boolean equals(Object o) {
        return o instanceof Destination && type == ((Destination) o).type && facility.equals(((Destination) o).facility);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + facility.hashCode();
    }
}
