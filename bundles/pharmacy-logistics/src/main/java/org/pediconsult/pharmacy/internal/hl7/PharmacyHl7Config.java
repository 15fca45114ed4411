package org.pediconsult.pharmacy.internal.hl7;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/org.pediconsult.pharmacy.hl7.cfg}: how dispenses become RDS^O13 messages and are read from them. */
@ObjectClassDefinition(name = "PediConsult pharmacy HL7 (RDS^O13)")
public @interface PharmacyHl7Config {
    @AttributeDefinition(name = "Time zone", description = "Zone of HL7 timestamps: written with their offset; "
            + "inbound times without an offset are read in it")
    String zone() default "Asia/Shanghai";
}
