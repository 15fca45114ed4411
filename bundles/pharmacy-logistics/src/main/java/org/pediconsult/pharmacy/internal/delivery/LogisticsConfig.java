package org.pediconsult.pharmacy.internal.delivery;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/org.pediconsult.pharmacy.cfg}: the domain notes' policy values, with their defaults. */
@ObjectClassDefinition(name = "PediConsult pharmacy logistics")
public @interface LogisticsConfig {
    @AttributeDefinition(description = "A lot must not expire before the end of the course plus this many days")
    int lot_expiry_margin_days() default 30;

    @AttributeDefinition(description = "Failed delivery attempts before the parcel goes back to the pharmacy")
    int max_attempts() default 3;

    @AttributeDefinition(description = "Wrong door codes before the code is locked (a new one must be sent)")
    int max_code_tries() default 5;

    @AttributeDefinition(description = "How long a parcel's door code is good, in hours (from dispatch)")
    int code_lifetime_hours() default 72;

    @AttributeDefinition(description = "Cold chain: lowest allowed temperature, °C")
    double cold_min_celsius() default 2.0;

    @AttributeDefinition(description = "Cold chain: highest allowed temperature, °C")
    double cold_max_celsius() default 8.0;

    @AttributeDefinition(description = "Most temperature readings in one upload")
    int max_readings_per_upload() default 500;

    @AttributeDefinition(description = "Time zone of the pharmacy's day")
    String zone() default "Asia/Shanghai";
}
