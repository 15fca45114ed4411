package org.pediconsult.claim.internal.service;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * {@code etc/org.pediconsult.claim.cfg}: the zone and the default payer; the rule-set versions
 * ({@code ruleset.<version>.*}, see {@code RuleSets}) are read from the same configuration.
 */
@ObjectClassDefinition(name = "PediConsult insurance claims")
public @interface ClaimConfig {
    @AttributeDefinition(description = "Time zone of the consultation's day")
    String zone() default "Asia/Shanghai";

    @AttributeDefinition(description = "Payer of a child whose coverage names none")
    String default_payer() default "";
}
