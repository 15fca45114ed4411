package org.pediconsult.prescription.internal.service;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * {@code etc/org.pediconsult.prescription.cfg}: the policy choices of the domain notes, with their
 * defaults (see the bundle's README for where each comes from).
 */
@ObjectClassDefinition(name = "PediConsult prescriptions")
public @interface PrescriptionConfig {
    @AttributeDefinition(description = "Hours after a consultation's completion during which its physician may still prescribe")
    int completed_window_hours() default 24;

    @AttributeDefinition(description = "Longest treatment in days (domain rule: 7)")
    int max_days() default 7;

    @AttributeDefinition(description = "Longest treatment in days for an emergency prescription (3)")
    int emergency_max_days() default 3;

    @AttributeDefinition(description = "Longest treatment in days for a chronic condition with a written reason")
    int chronic_max_days() default 30;

    @AttributeDefinition(description = "A weight older than this many days is refused for weight-based doses")
    int weight_max_age_days() default 30;

    @AttributeDefinition(description = "A prescription is valid on its day of issue, extendable to this many days")
    int validity_max_days() default 3;

    @AttributeDefinition(description = "Time zone of the day of issue")
    String zone() default "Asia/Shanghai";

    @AttributeDefinition(description = "RSA JWK file of the prescription signing key (empty: <karaf.data>/pediconsult/prescription-signing-key.json); every node of a cluster must share it")
    String signing_key_file() default "";

    @AttributeDefinition(description = "Most items in one prescription")
    int max_items() default 10;
}
