package org.pediconsult.platform.api.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link PublicEndpoint} that sends or checks a one-time code (sign-up, password reset): its
 * calls count against the one-time-code limit per client address
 * ({@link org.pediconsult.platform.api.security.RateLimits#ONE_TIME_CODE}), answered 429 beyond it.
 *
 * @since 1.3
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OneTimeCodeEndpoint {
}
