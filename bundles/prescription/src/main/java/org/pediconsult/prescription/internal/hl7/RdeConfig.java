package org.pediconsult.prescription.internal.hl7;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/org.pediconsult.prescription.hl7.cfg}: how prescription events become RDE^O11 messages. */
@ObjectClassDefinition(name = "PediConsult prescription HL7 (RDE^O11)")
public @interface RdeConfig {
    @AttributeDefinition(name = "Time zone", description = "Zone of HL7 timestamps (written with their offset)")
    String zone() default "Asia/Shanghai";
}
