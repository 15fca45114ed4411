package org.pediconsult.hl7.internal.outbound;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ExchangeTimedOutException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.pediconsult.hl7.internal.common.MllpCamel;
import org.pediconsult.hl7.internal.common.Tls;

/**
 * An outbound channel's way to its receiver: a Camel Netty producer framed by camel-hl7's MLLP codec
 * (one kept-alive connection, TLS when configured, {@code ack.timeout.seconds} for the answer), the
 * plain TCP probe that tells an unreachable receiver from a failed attempt, and what a failed request
 * was (a connect that failed, no answer in time).
 */
final class ReceiverConnection {
    private final OutboundChannelConfig config;
    private final CamelContext camel;
    private final ProducerTemplate producer;
    private final String uri;

    ReceiverConnection(OutboundChannelConfig config) throws Exception {
        this.config = config;
        this.camel = camel(config);
        this.producer = camel.createProducerTemplate();
        this.uri = "netty:tcp://" + config.host() + ":" + config.port() + "?sync=true&encoders=#hl7Encoder"
                + "&decoders=#hl7Decoder&requestTimeout=" + Math.max(1, config.ack_timeout_seconds()) * 1000L
                + "&connectTimeout=" + Math.max(1, config.connect_timeout_seconds()) * 1000L
                + "&keepAlive=true&disconnect=false&producerPoolMaxTotal=1"
                + (config.tls_enabled() ? "&ssl=true&sslContextParameters=#tls" : "");
        // no exceptionHandler here: producer errors reach DeliveryAttempt.deliver() as exceptions
    }

    private static CamelContext camel(OutboundChannelConfig config) throws Exception {
        SSLContextParameters tls = config.tls_enabled() ? Tls.parameters(config.tls_keystore_path(),
                config.tls_keystore_password(), config.tls_truststore_path(), config.tls_truststore_password(), null)
                : null;
        return MllpCamel.start("pediconsult-hl7-out-" + config.name(), config.name(), tls, null);
    }

    String destination() {
        return config.host() + ":" + config.port();
    }

    /**
     * Sends one message and waits for the receiver's answer (null when it sent none).
     *
     * @throws CamelExecutionException when nothing came back: not connected, timed out, connection lost
     */
    byte[] request(String raw) {
        return producer.requestBody(uri, raw.getBytes(StandardCharsets.UTF_8), byte[].class);
    }

    /** A plain TCP connect to the receiver, after a failed attempt: can it be reached at all? */
    boolean reachable() {
        try (java.net.Socket probe = new java.net.Socket()) {
            probe.connect(new java.net.InetSocketAddress(config.host(), config.port()),
                    Math.max(1, config.connect_timeout_seconds()) * 1000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ExchangeTimedOutException || t instanceof io.netty.handler.timeout.ReadTimeoutException) {
                return true;
            }
        }
        return false;
    }

    static boolean connectFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof io.netty.channel.ConnectTimeoutException
                    || (t.getMessage() != null && t.getMessage().startsWith("Cannot connect to"))) {
                return true;
            }
        }
        return false;
    }

    static Throwable rootOf(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    void stop() {
        camel.stop();
    }
}
