package org.pediconsult.hl7.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One inbound MLLP channel: {@code etc/org.pediconsult.hl7.inbound-<name>.cfg}. */
@ObjectClassDefinition(name = "PediConsult HL7 inbound channel", description = "An MLLP listener for one sending system")
public @interface InboundChannelConfig {
    @AttributeDefinition(name = "Name", description = "Channel name, stored with every message (e.g. his)")
    String name() default "his";

    @AttributeDefinition(name = "Port", description = "TCP port of the MLLP listener")
    int port() default 2575;

    @AttributeDefinition(name = "Bind address", description = "Interface to listen on")
    String host() default "0.0.0.0";

    @AttributeDefinition(name = "ACK mode", description = "ORIGINAL (AA/AE/AR) or ENHANCED (CA/CE/CR)")
    AckMode ack_mode() default AckMode.ORIGINAL;

    @AttributeDefinition(name = "Allowed sending facilities", description = "Comma-separated MSH-4 values; empty accepts all")
    String allowed_sending_facilities() default "";

    @AttributeDefinition(name = "TLS", description = "Accept MLLP over TLS only (TLS 1.2/1.3)")
    boolean tls_enabled() default false;

    @AttributeDefinition(name = "Key store", description = "PKCS12 (or .jks) file with this listener's certificate and key")
    String tls_keystore_path() default "";

    @AttributeDefinition(name = "Key store password", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String tls_keystore_password() default "";

    @AttributeDefinition(name = "Trust store", description = "PKCS12/JKS file with the CAs of senders' client certificates")
    String tls_truststore_path() default "";

    @AttributeDefinition(name = "Trust store password", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD)
    String tls_truststore_password() default "";

    @AttributeDefinition(name = "Client certificates", description = "NONE, WANT or REQUIRE a client certificate (mutual TLS)")
    String tls_client_auth() default "NONE";

    @AttributeDefinition(name = "Read timeout (s)", description = "A connection that sends nothing for this long is "
            + "closed, e.g. one whose frame never ends; senders reconnect")
    int read_timeout_seconds() default 300;

    @AttributeDefinition(name = "Largest message (bytes)", description = "Larger messages are refused (and stored, cut) for review")
    int max_message_bytes() default 1_000_000;

    @AttributeDefinition(name = "Acknowledge after", description = "STORED: AA once the message is checked and durably "
            + "stored, processed afterwards in order of arrival; PROCESSED: AA/AE only after processing")
    AckAfter ack_after() default AckAfter.STORED;
}
