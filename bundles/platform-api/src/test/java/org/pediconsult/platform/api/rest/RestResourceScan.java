package org.pediconsult.platform.api.rest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * For each bundle's build (platform-api's test jar): the REST resources a module compiled, found by
 * walking its classes folder, and their methods that declare nobody who may call them. A test per
 * bundle asserts the list is empty, so an undeclared method fails the build, not only the endpoint.
 */
public final class RestResourceScan {
    private RestResourceScan() {
    }

    /** Every class under {@code classes} (e.g. target/classes) that implements {@link RestResource}. */
    public static List<Class<?>> resourcesUnder(Path classes) throws IOException, ClassNotFoundException {
        List<Class<?>> out = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            files.filter(f -> f.toString().endsWith(".class") && !f.getFileName().toString().contains("$"))
                    .forEach(f -> names.add(classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "")));
        }
        ClassLoader loader = RestResourceScan.class.getClassLoader();
        for (String name : names) {
            Class<?> c = Class.forName(name, false, loader);
            if (RestResource.class.isAssignableFrom(c) && !c.isInterface()) {
                out.add(c);
            }
        }
        return out;
    }

    /** The undeclared methods of every resource under {@code classes}; answers the resources found too. */
    public static List<String> undeclaredUnder(Path classes, List<Class<?>> found) throws IOException, ClassNotFoundException {
        List<String> out = new ArrayList<>();
        for (Class<?> c : resourcesUnder(classes)) {
            found.add(c);
            out.addAll(AccessDeclarations.undeclared(c));
        }
        return out;
    }
}
