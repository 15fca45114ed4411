package org.pediconsult.platform.internal.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks the login method: its calls count against the login rate limit per address, not the API's. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface LoginEndpoint {
}
