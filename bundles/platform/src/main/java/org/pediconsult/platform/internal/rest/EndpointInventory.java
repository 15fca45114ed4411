package org.pediconsult.platform.internal.rest;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.HttpMethod;
import javax.ws.rs.Path;

import org.pediconsult.platform.api.rest.AccessDeclarations;
import org.pediconsult.platform.api.security.Role;

/** The served REST API as a list: HTTP method, path under /api, and who may call it. */
final class EndpointInventory {
    private EndpointInventory() {
    }

    static List<Map<String, Object>> of(List<Class<?>> resourceClasses) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Class<?> c : resourceClasses) {
            Path classPath = c.getAnnotation(Path.class);
            for (Method m : AccessDeclarations.resourceMethods(c)) {
                Path methodPath = m.getAnnotation(Path.class);
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("method", httpMethod(m));
                e.put("path", "/api" + join(classPath == null ? "" : classPath.value(),
                        methodPath == null ? "" : methodPath.value()));
                AccessDeclarations.Kind kind = AccessDeclarations.kind(c, m);
                e.put("access", kind.name());
                e.put("roles", AccessDeclarations.roles(c, m).stream().map(Role::name).toList());
                e.put("resource", c.getSimpleName());
                out.add(e);
            }
        }
        out.sort(Comparator.comparing((Map<String, Object> e) -> (String) e.get("path"))
                .thenComparing(e -> (String) e.get("method")));
        return out;
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod h = a.annotationType().getAnnotation(HttpMethod.class);
            if (h != null) {
                return h.value();
            }
        }
        return "LOCATOR";
    }

    private static String join(String a, String b) {
        String path = ("/" + a + "/" + b).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
