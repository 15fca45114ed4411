package org.pediconsult.hl7.internal.outbound;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.pediconsult.hl7.internal.common.AckMode;

/** One outbound MLLP destination: {@code etc/org.pediconsult.hl7.outbound-<name>.cfg}. */
// the id from before the split into packages, kept
@ObjectClassDefinition(id = "org.pediconsult.hl7.internal.OutboundChannelConfig",
        name = "PediConsult HL7 outbound channel", description = "A receiving system (HIS, EMR, pharmacy, insurer)")
public @interface OutboundChannelConfig {
    @AttributeDefinition(name = "Name", description = "Channel name, stored with every message (e.g. his-out)")
    String name() default "his-out";

    @AttributeDefinition(name = "Host", description = "The receiver's MLLP host")
    String host() default "127.0.0.1";

    @AttributeDefinition(name = "Port", description = "The receiver's MLLP port")
    int port() default 2576;

    @AttributeDefinition(name = "Message types", description = "Comma-separated MSH-9 values this receiver takes "
            + "(e.g. SIU^S12,SIU^S15 or SIU for every SIU event); empty takes every mapped message")
    String message_types() default "";

    @AttributeDefinition(name = "ACK mode", description = "ORIGINAL (expects AA/AE/AR) or ENHANCED (asks for and expects CA/CE/CR)")
    AckMode ack_mode() default AckMode.ORIGINAL;

    @AttributeDefinition(name = "ACK timeout (s)", description = "How long to wait for the ACK of a message; then the "
            + "connection is closed and the same message (same MSH-10) is sent again after the retry delay")
    int ack_timeout_seconds() default 30;

    @AttributeDefinition(name = "Connect timeout (s)")
    int connect_timeout_seconds() default 10;

    @AttributeDefinition(name = "First retry delay (s)")
    double retry_initial_seconds() default 5;

    @AttributeDefinition(name = "Retry delay multiplier")
    double retry_multiplier() default 2;

    @AttributeDefinition(name = "Longest retry delay (s)")
    double retry_max_seconds() default 300;

    @AttributeDefinition(name = "Attempts before parking", description = "A message answered AE/CE or not answered "
            + "this many times is parked as failed and the patient's later messages flow on; AR/CR parks at once. "
            + "An unreachable receiver does not count: everything waits for it")
    int max_attempts() default 5;

    @AttributeDefinition(name = "Settle delay (ms)", description = "A message is sent no sooner than this after it was "
            + "queued, so events of one patient that reach the bridge slightly out of order are still sent in order")
    int settle_millis() default 500;

    @AttributeDefinition(name = "Sending application (MSH-3)")
    String sending_application() default "PEDICONSULT";

    @AttributeDefinition(name = "Sending facility (MSH-4)")
    String sending_facility() default "PEDICONSULT";

    @AttributeDefinition(name = "Receiving application (MSH-5)")
    String receiving_application() default "HIS";

    @AttributeDefinition(name = "Receiving facility (MSH-6)")
    String receiving_facility() default "";

    @AttributeDefinition(name = "Processing id (MSH-11)", description = "P production, T training, D debugging")
    String processing_id() default "P";

    @AttributeDefinition(name = "TLS", description = "Connect with TLS (MLLP over TLS)")
    boolean tls_enabled() default false;

    @AttributeDefinition(name = "Trust store", description = "PKCS12/JKS file with the receiver's CA; empty uses the JVM's")
    String tls_truststore_path() default "";

    @AttributeDefinition(name = "Trust store password", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String tls_truststore_password() default "";

    @AttributeDefinition(name = "Key store", description = "PKCS12/JKS file with our client certificate, when the receiver asks for one")
    String tls_keystore_path() default "";

    @AttributeDefinition(name = "Key store password", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String tls_keystore_password() default "";
}
