package org.pediconsult.hl7.internal.inbound;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.pediconsult.hl7.internal.common.AckMode;

/** One inbound MLLP channel: {@code etc/org.pediconsult.hl7.inbound-<name>.cfg}. */
// the id from before the split into packages, kept
@ObjectClassDefinition(id = "org.pediconsult.hl7.internal.InboundChannelConfig",
        name = "PediConsult HL7 inbound channel", description = "An MLLP listener for one sending system")
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

    @AttributeDefinition(name = "Largest message (bytes)", description = "A longer frame is not read past this: "
            + "it is answered AR once its end block came, and its first 64 KiB are stored (ERROR) for review")
    int max_message_bytes() default 1_000_000;

    @AttributeDefinition(name = "Connections at once", description = "More open connections than this on the channel "
            + "are closed at once")
    int max_connections() default 8;

    @AttributeDefinition(name = "Allowed source addresses", description = "Comma-separated IP addresses and CIDR blocks "
            + "(e.g. 10.1.2.3, 10.1.0.0/16, fd00::/8) that may connect; connections from elsewhere are closed at once "
            + "and logged. Empty accepts every address")
    String allowed_source_addresses() default "";

    @AttributeDefinition(name = "Parse budget: segments", description = "Segments in one message")
    int limit_segments() default 2_000;

    @AttributeDefinition(name = "Parse budget: fields per segment", description = "Fields in one segment")
    int limit_fields_per_segment() default 256;

    @AttributeDefinition(name = "Parse budget: repetitions per field", description = "Repetitions of one field")
    int limit_repetitions_per_field() default 1_000;

    @AttributeDefinition(name = "Parse budget: components", description = "Components in one repetition of a field")
    int limit_components_per_repetition() default 100;

    @AttributeDefinition(name = "Parse budget: subcomponents", description = "Subcomponents in one component")
    int limit_subcomponents_per_component() default 100;

    @AttributeDefinition(name = "Parse budget: field values", description = "Non-empty fields in one message, each "
            + "repetition counted")
    int limit_values() default 10_000;

    @AttributeDefinition(name = "Parse budget: separators", description = "Field, repetition, component and "
            + "subcomponent separators in one message")
    int limit_separators() default 100_000;

    @AttributeDefinition(name = "Parse budget: escape sequences", description = "Escape sequences in one message")
    int limit_escapes() default 10_000;

    @AttributeDefinition(name = "Acknowledge after", description = "STORED: AA once the message is checked and durably "
            + "stored, processed afterwards in order of arrival; PROCESSED: AA/AE only after processing")
    AckAfter ack_after() default AckAfter.STORED;
}
