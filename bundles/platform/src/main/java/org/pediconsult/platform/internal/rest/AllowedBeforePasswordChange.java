package org.pediconsult.platform.internal.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the few methods a token issued for a temporary password may call (change the password, log
 * out); every other answers 403 {@code password_change_required} to such a token.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface AllowedBeforePasswordChange {
}
