package org.pediconsult.platform.api.rest;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import javax.ws.rs.HttpMethod;
import javax.ws.rs.Path;

import org.pediconsult.platform.api.security.Role;

/**
 * Who may call a resource method, as its annotations declare: {@link PublicEndpoint} on the method,
 * else {@link RequiresRole} or {@link Authenticated} on the method, else on the class. The REST
 * endpoint refuses to serve a resource with a method that declares nothing (authorization fails
 * closed), and each bundle's build checks its resources with {@link #undeclared(Class)}.
 *
 * @since 1.2
 */
public final class AccessDeclarations {
    /** What a resource method declares. */
    public enum Kind { PUBLIC, AUTHENTICATED, ROLES, UNDECLARED }

    private AccessDeclarations() {
    }

    /** The declaration that applies to {@code method} of {@code resourceClass}. */
    public static Kind kind(Class<?> resourceClass, Method method) {
        if (method.isAnnotationPresent(PublicEndpoint.class)) {
            return Kind.PUBLIC;
        }
        if (method.isAnnotationPresent(RequiresRole.class)) {
            return Kind.ROLES;
        }
        if (method.isAnnotationPresent(Authenticated.class)) {
            return Kind.AUTHENTICATED;
        }
        if (resourceClass.isAnnotationPresent(RequiresRole.class)) {
            return Kind.ROLES;
        }
        if (resourceClass.isAnnotationPresent(Authenticated.class)) {
            return Kind.AUTHENTICATED;
        }
        return Kind.UNDECLARED;
    }

    /** The roles a {@link Kind#ROLES} method admits (the method's annotation, else the class's); empty otherwise. */
    public static List<Role> roles(Class<?> resourceClass, Method method) {
        RequiresRole r = method.getAnnotation(RequiresRole.class);
        if (r == null && kind(resourceClass, method) == Kind.ROLES) {
            r = resourceClass.getAnnotation(RequiresRole.class);
        }
        return r == null ? List.of() : List.of(r.value());
    }

    /** The JAX-RS resource methods and sub-resource locators of a class (public, with an HTTP method or @Path). */
    public static List<Method> resourceMethods(Class<?> resourceClass) {
        List<Method> out = new ArrayList<>();
        for (Method m : resourceClass.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() == Object.class) {
                continue;
            }
            if (m.isAnnotationPresent(Path.class) || Arrays.stream(m.getAnnotations()).anyMatch(AccessDeclarations::isHttpMethod)) {
                out.add(m);
            }
        }
        out.sort(Comparator.comparing(Method::getName));
        return out;
    }

    /** The resource methods of {@code resourceClass} that declare nobody: each would be refused. */
    public static List<String> undeclared(Class<?> resourceClass) {
        List<String> out = new ArrayList<>();
        for (Method m : resourceMethods(resourceClass)) {
            if (kind(resourceClass, m) == Kind.UNDECLARED) {
                out.add(resourceClass.getName() + "." + m.getName());
            }
        }
        return out;
    }

    private static boolean isHttpMethod(Annotation a) {
        return a.annotationType().isAnnotationPresent(HttpMethod.class);
    }
}
