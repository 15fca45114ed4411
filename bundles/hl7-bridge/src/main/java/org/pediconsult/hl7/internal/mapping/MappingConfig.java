package org.pediconsult.hl7.internal.mapping;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/org.pediconsult.hl7.mapping.cfg}: how consultation events become HL7 messages. */
@ObjectClassDefinition(name = "PediConsult HL7 outbound mapping")
public @interface MappingConfig {
    @AttributeDefinition(name = "Time zone", description = "Zone of HL7 timestamps (written with their offset)")
    String zone() default "Asia/Shanghai";
}
