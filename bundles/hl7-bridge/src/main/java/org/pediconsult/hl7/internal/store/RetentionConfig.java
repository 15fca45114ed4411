package org.pediconsult.hl7.internal.store;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** {@code etc/org.pediconsult.hl7.retention.cfg}: how long stored HL7 messages are kept. */
// the id from before the split into packages, kept
@ObjectClassDefinition(id = "org.pediconsult.hl7.internal.RetentionConfig", name = "PediConsult HL7 message retention")
public @interface RetentionConfig {
    @AttributeDefinition(name = "Days kept", description = "Processed, accepted, duplicate and sent messages older "
            + "than this are deleted. Duplicate detection by MSH-10 reaches back this far")
    int days() default 90;

    @AttributeDefinition(name = "Days kept when failed", description = "ERROR, REJECTED and PARKED messages (those "
            + "someone may still reprocess or resend) are kept this long")
    int failed_days() default 365;

    @AttributeDefinition(name = "Interval (hours)", description = "How often the prune runs; 0 runs it only on demand "
            + "(REST or shell)")
    int interval_hours() default 24;
}
