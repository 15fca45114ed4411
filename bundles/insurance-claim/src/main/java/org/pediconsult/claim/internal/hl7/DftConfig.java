package org.pediconsult.claim.internal.hl7;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/org.pediconsult.claim.hl7.cfg}: how submitted claims become DFT^P03 messages. */
@ObjectClassDefinition(name = "PediConsult claim HL7 (DFT^P03)")
public @interface DftConfig {
    @AttributeDefinition(name = "Time zone", description = "Zone of HL7 timestamps and dates (timestamps written with their offset)")
    String zone() default "Asia/Shanghai";

    @AttributeDefinition(name = "Currency", description = "ISO 4217 code written with every amount (CP.1.2, MO denomination)")
    String currency() default "CNY";
}
