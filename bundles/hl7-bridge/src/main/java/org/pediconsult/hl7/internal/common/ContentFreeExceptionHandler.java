package org.pediconsult.hl7.internal.common;

import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transport errors of a channel's connections, logged without their messages: Netty's messages can
 * quote the bytes received (e.g. "not an SSL/TLS record: 0b4d5348..." is a hex dump of a plain-text
 * HL7 message sent to a TLS listener), and message content is patient data. The log names the
 * channel and the exception types only; the connection is closed by Netty as before.
 */
public final class ContentFreeExceptionHandler implements ExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ContentFreeExceptionHandler.class);
    private final String channel;

    ContentFreeExceptionHandler(String channel) {
        this.channel = channel;
    }

    public static String types(Throwable e) {
        StringBuilder s = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            s.append(s.length() == 0 ? "" : " <- ").append(t.getClass().getSimpleName());
        }
        return s.toString();
    }

    @Override
    public void handleException(Throwable exception) {
        LOG.warn("HL7 channel {}: connection error {}; connection closed", channel, types(exception));
    }

    @Override
    public void handleException(String message, Throwable exception) {
        handleException(exception);
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        handleException(exception);
    }
}
