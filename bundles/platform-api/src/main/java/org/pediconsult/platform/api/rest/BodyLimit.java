package org.pediconsult.platform.api.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Raises (or lowers) the largest request body a resource method accepts, e.g. a photo upload;
 * bigger bodies get 413. Without it, {@code max.body.bytes} of {@code etc/org.pediconsult.rest.cfg}
 * applies.
 *
 * @since 1.1
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BodyLimit {
    /** Largest body in bytes. */
    long value();
}
