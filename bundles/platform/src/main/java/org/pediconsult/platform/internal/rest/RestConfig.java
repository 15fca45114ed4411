package org.pediconsult.platform.internal.rest;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of {@code etc/org.pediconsult.rest.cfg}. */
@ObjectClassDefinition(name = "PediConsult REST API", description = "The /api servlet")
public @interface RestConfig {
    @AttributeDefinition(name = "Largest request body (bytes)", description = "Larger bodies get 413")
    long max_body_bytes() default 1_048_576;

    @AttributeDefinition(name = "Trusted proxies", description = "Addresses or CIDR networks of reverse proxies "
            + "whose X-Forwarded-For header names the client (for rate limits). Empty: the header is never read "
            + "and the client is the connection's peer")
    String[] trusted_proxies() default {};
}
