package org.pediconsult.consultation.internal.service;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of {@code etc/org.pediconsult.consultation.cfg}: the pilot's scope as the health authority set it. */
@ObjectClassDefinition(name = "PediConsult consultation", description = "Pilot window and scope, demo data")
public @interface ConsultationConfig {
    @AttributeDefinition(name = "Pilot start", description = "First day (yyyy-MM-dd) initial online consults are allowed")
    String pilot_start() default "2026-01-01";

    @AttributeDefinition(name = "Pilot end", description = "Last day (yyyy-MM-dd, inclusive) initial online consults are allowed")
    String pilot_end() default "2026-12-31";

    @AttributeDefinition(name = "Pilot institutions", description = "Comma-separated institution codes whose physicians may consult")
    String pilot_institutions() default "";

    @AttributeDefinition(name = "Pilot specialties", description = "Comma-separated specialty ids allowed for initial online consults")
    String pilot_specialties() default "growth-development,nutrition,dermatology";

    @AttributeDefinition(name = "Retired specialties", description = "Comma-separated specialty ids that take no new "
            + "consultations; their open consultations are finished, cancelled or referred")
    String specialties_retired() default "";

    @AttributeDefinition(name = "Time zone", description = "Zone of the pilot's calendar days (consult day, pilot window)")
    String pilot_zone() default "Asia/Shanghai";

    @AttributeDefinition(name = "Demo data", description = "Seed demo physician, guardian and child on first start (embedded mode only)")
    boolean demo_data() default false;
}
