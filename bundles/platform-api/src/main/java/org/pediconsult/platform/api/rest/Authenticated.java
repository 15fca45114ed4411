package org.pediconsult.platform.api.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that any authenticated caller, whatever the role, may call a resource method (or every
 * method of a class that does not declare otherwise); what each one then sees is the method's own
 * object check. Every resource method must declare who may call it: this, {@link RequiresRole} or
 * {@link PublicEndpoint}. A resource with a method that declares none is not served.
 *
 * @since 1.2
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Authenticated {
}
