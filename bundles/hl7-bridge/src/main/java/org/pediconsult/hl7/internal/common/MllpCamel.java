package org.pediconsult.hl7.internal.common;

import java.nio.charset.StandardCharsets;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.component.hl7.HL7MLLPNettyDecoderFactory;
import org.apache.camel.component.hl7.HL7MLLPNettyEncoderFactory;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * A channel's own Camel context for MLLP over Netty: camel-hl7's MLLP codec bound as
 * {@code #hl7Decoder}/{@code #hl7Encoder} (bytes, UTF-8, no LF rewriting), transport errors logged
 * without content ({@code #contentFreeErrors}), and TLS as {@code #tls} when given. Built with the
 * runtime bundle as context class loader, as Camel's type converters and components expect in OSGi.
 */
public final class MllpCamel {
    private MllpCamel() {
    }

    /** The endpoint options for TLS when {@code tls} was given, else "". */
    public static String tlsOptions(SSLContextParameters tls) {
        return tls == null ? "" : "&ssl=true&sslContextParameters=#tls";
    }

    /**
     * Creates and starts the context.
     *
     * @param beans extra registry entries, name then object, e.g. "readTimeout", handler
     */
    public static CamelContext start(String name, String channel, SSLContextParameters tls, RoutesBuilder routes,
                              Object... beans) throws Exception {
        ClassLoader camelLoader = CamelContext.class.getClassLoader();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(camelLoader);
        try {
            DefaultCamelContext ctx = new DefaultCamelContext();
            ctx.getCamelContextExtension().setName(name);
            ctx.setApplicationContextClassLoader(camelLoader);
            HL7MLLPNettyDecoderFactory decoder = new HL7MLLPNettyDecoderFactory();
            decoder.setProduceString(false);
            decoder.setConvertLFtoCR(false);
            HL7MLLPNettyEncoderFactory encoder = new HL7MLLPNettyEncoderFactory();
            encoder.setCharset(StandardCharsets.UTF_8);
            ctx.getRegistry().bind("hl7Decoder", decoder);
            ctx.getRegistry().bind("hl7Encoder", encoder);
            ctx.getRegistry().bind("contentFreeErrors", new ContentFreeExceptionHandler(channel));
            for (int i = 0; i + 1 < beans.length; i += 2) {
                ctx.getRegistry().bind((String) beans[i], beans[i + 1]);
            }
            if (tls != null) {
                tls.setCamelContext(ctx);
                ctx.getRegistry().bind("tls", tls);
            }
            if (routes != null) {
                ctx.addRoutes(routes);
            }
            ctx.start();
            return ctx;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
