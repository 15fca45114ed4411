package org.pediconsult.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The example specialty of docs/writing-a-specialty.md builds the way the page tells a developer outside
 * this repository to build it (sections 1 B, 2 and 3): docs/examples/specialty-hello is copied to
 * target/specialty-example and built there with {@code package} by a Maven of its own (this repository's
 * wrapper, {@code mvnw -f <copy>/pom.xml}, Java of this JVM), whose only source of
 * {@code org.pediconsult:specialty-api} is the distribution's {@code system/} directory
 * (karaf-distribution/target/assembly/system, built earlier in the reactor) used as a {@code file://}
 * repository. The settings file target/specialty-example-settings.xml declares it, as repository and
 * plugin repository, in a profile active by default; {@code -s} makes it the child's only user settings.
 * The copy gets an empty {@code .mvn/} directory so that it is its own project root: the child Maven does
 * not walk up into this repository's {@code .mvn/}. Its pom has no parent, so nothing of the reactor applies.
 * <p>
 * The local repository is this build's ({@code maven.repo.local}, passed by integration-tests/pom.xml), so
 * CI needs no download beyond what the reactor already fetched. CI runs {@code verify}, not {@code install}:
 * no org.pediconsult artifact is in that repository, which is what makes this test prove the {@code system/}
 * route. On a developer machine after {@code install} the locally installed SPI is found first; to prove the
 * {@code system/} route there, run this test with {@code -Dpediconsult.example.repo.local=<a copy of the local
 * repository without org/pediconsult>}: that property, when set, replaces {@code maven.repo.local} for the
 * child build only. The build runs {@code package}, so nothing of com.example is installed; the SPI jar taken
 * from {@code system/} is cached in the local repository, recorded as coming from repository
 * {@code pediconsult-system} (other builds, which do not declare that repository, do not see it).
 * <p>
 * Online or offline: the child first runs offline ({@code -o}, with {@code -Daether.offline.protocols=file}
 * so that the {@code file://} repository stays reachable: Maven's offline mode blocks every remote repository,
 * file ones included). This needs no network at all when the local repository holds every plugin and
 * dependency of the example, as it does here. Only when that run fails because something was not in the
 * local repository (Maven's "... in offline mode" error) it is repeated online, as on CI with a fresh local
 * repository that lacks something the reactor did not need. Both runs together are limited to
 * {@link #LIMIT}; their output goes to target/specialty-example.log, and the last {@link #TAIL} lines of it
 * are in the failure message.
 * <p>
 * Then the bundle and the features repository say what the page says they say: no Export-Package, the SPI
 * imported as {@code [1.4,2)}, the DS descriptor in OSGI-INF/, the SPI not embedded, feature
 * {@code hello-specialty} in target/feature/feature.xml with its properties filtered.
 */
class SpecialtyExampleBuildIT {
    private static final Duration LIMIT = Duration.ofMinutes(5);
    private static final int TAIL = 60;
    private static final String SPI_IMPORT = "org.pediconsult.specialty.api;version=\"[1.4,2)\"";
    private static final String OFFLINE_MISS = "in offline mode";

    @Test
    void theExampleSpecialtyBuildsOutsideTheTreeAgainstTheDistributionsSystemRepository() throws Exception {
        Path module = Paths.get("").toAbsolutePath();
        Path repo = module.getParent();
        Path example = repo.resolve("docs/examples/specialty-hello");
        Path system = repo.resolve("karaf-distribution/target/assembly/system");
        assertTrue(Files.isRegularFile(example.resolve("pom.xml")), "the example is at " + example);
        assertTrue(Files.isDirectory(system.resolve("org/pediconsult/specialty-api")),
                "the distribution's system/ holds the SPI (karaf-distribution is built before integration-tests): "
                        + system.resolve("org/pediconsult/specialty-api"));

        Path copy = module.resolve("target/specialty-example");
        deleteRecursively(copy);
        copyExample(example, copy);
        Files.createDirectories(copy.resolve(".mvn"));
        String pom = Files.readString(copy.resolve("pom.xml"));
        assertFalse(pom.contains("<parent>"), "the example's pom has no parent: it builds outside the PediConsult tree");

        Path settings = module.resolve("target/specialty-example-settings.xml");
        Files.writeString(settings, settings(system));
        Path log = module.resolve("target/specialty-example.log");
        Files.deleteIfExists(log);

        String localRepository = System.getProperty("pediconsult.example.repo.local", System.getProperty("maven.repo.local"));
        long deadline = System.nanoTime() + LIMIT.toNanos();
        int exit = maven(repo, copy, settings, localRepository, true, log, deadline);
        if (exit != 0 && text(log).contains(OFFLINE_MISS)) {
            exit = maven(repo, copy, settings, localRepository, false, log, deadline);
        }
        assertEquals(0, exit, "the example builds with `mvnw -f " + copy.resolve("pom.xml") + " package` (log: " + log
                + "); its last " + TAIL + " lines:\n" + tail(log));

        Path jar = copy.resolve("target/hello-specialty-1.0.0.jar");
        assertTrue(Files.isRegularFile(jar), "the bundle " + jar);
        try (JarFile bundle = new JarFile(jar.toFile())) {
            Attributes manifest = bundle.getManifest().getMainAttributes();
            String all = "manifest of " + jar + ": " + manifest.entrySet();
            assertEquals("com.example.hello.sleep", manifest.getValue("Bundle-SymbolicName"), all);
            assertNull(manifest.getValue("Export-Package"), "no Export-Package at all (section 3); " + all);
            String imports = manifest.getValue("Import-Package");
            assertNotNull(imports, "an Import-Package; " + all);
            assertTrue(imports.contains(SPI_IMPORT), "Import-Package has " + SPI_IMPORT + "; " + all);

            String components = manifest.getValue("Service-Component");
            assertNotNull(components, "a Service-Component header (the @Component's DS descriptor); " + all);
            List<String> descriptors = Stream.of(components.split(",")).map(String::trim).collect(Collectors.toList());
            List<String> osgiInf = bundle.stream().map(JarEntry::getName)
                    .filter(n -> n.startsWith("OSGI-INF/") && n.endsWith(".xml")).collect(Collectors.toList());
            assertFalse(osgiInf.isEmpty(), "a DS descriptor OSGI-INF/*.xml in " + jar);
            assertTrue(osgiInf.containsAll(descriptors), "Service-Component " + descriptors + " names entries of the jar: " + osgiInf);
            boolean providesSpecialty = false;
            for (String descriptor : descriptors) {
                try (InputStream in = bundle.getInputStream(bundle.getJarEntry(descriptor))) {
                    providesSpecialty |= new String(in.readAllBytes(), StandardCharsets.UTF_8)
                            .contains("interface=\"org.pediconsult.specialty.api.Specialty\"");
                }
            }
            assertTrue(providesSpecialty, "a DS component provides org.pediconsult.specialty.api.Specialty: " + descriptors);
            List<String> embedded = bundle.stream().map(JarEntry::getName).filter(n -> n.startsWith("org/pediconsult/"))
                    .collect(Collectors.toList());
            assertEquals(List.of(), embedded, "the SPI is provided, never embedded");
        }

        Path features = copy.resolve("target/feature/feature.xml");
        assertTrue(Files.isRegularFile(features), "the features repository " + features);
        String featuresXml = Files.readString(features);
        assertFalse(featuresXml.contains("${"), "the features repository is filtered: " + featuresXml);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(features.toFile());
        NodeList featureElements = document.getElementsByTagNameNS("*", "feature");
        Element hello = null;
        for (int i = 0; i < featureElements.getLength(); i++) {
            Element feature = (Element) featureElements.item(i);
            if ("hello-specialty".equals(feature.getAttribute("name"))) {
                hello = feature;
            }
        }
        assertNotNull(hello, "feature hello-specialty is declared in " + features + ":\n" + featuresXml);
        assertEquals("1.0.0", hello.getAttribute("version"), "feature hello-specialty's version");
        assertTrue(featuresXml.contains("<bundle>mvn:com.example/hello-specialty/1.0.0</bundle>"),
                "feature hello-specialty installs the bundle: " + featuresXml);
    }

    /** Runs the example's build; appends its output to {@code log}; returns its exit code. */
    private static int maven(Path repo, Path copy, Path settings, String localRepository, boolean offline, Path log,
            long deadline) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(repo.resolve("mvnw").toString(), "-B", "-ntp"));
        if (offline) {
            command.add("-o");
            command.add("-Daether.offline.protocols=file");
        }
        command.addAll(List.of("-f", copy.resolve("pom.xml").toString(), "-s", settings.toString()));
        if (localRepository != null && !localRepository.isBlank()) {
            command.add("-Dmaven.repo.local=" + localRepository);
        }
        command.add("package");
        Files.writeString(log, "### " + String.join(" ", command) + System.lineSeparator(), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.println("SpecialtyExampleBuildIT: " + String.join(" ", command));

        ProcessBuilder builder = new ProcessBuilder(command).directory(copy.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("MAVEN_BASEDIR");
        long started = System.nanoTime();
        Process process = builder.start();
        long left = Math.max(0, deadline - System.nanoTime());
        if (!process.waitFor(left, TimeUnit.NANOSECONDS)) {
            List<ProcessHandle> tree = process.descendants().collect(Collectors.toList());
            tree.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            fail("the example's build did not end within " + LIMIT.toMinutes() + " minutes: killed (log: " + log
                    + "); its last " + TAIL + " lines:\n" + tail(log));
        }
        System.out.println("SpecialtyExampleBuildIT: exit " + process.exitValue() + " after "
                + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s" + (offline ? " (offline)" : " (online)"));
        return process.exitValue();
    }

    private static String settings(Path system) {
        String url = system.toUri().toString();
        String repository = "<id>pediconsult-system</id><url>" + url + "</url>"
                + "<releases><enabled>true</enabled></releases><snapshots><enabled>true</enabled></snapshots>";
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<!-- written by SpecialtyExampleBuildIT: the distribution's system/ as a file:// repository -->\n"
                + "<settings xmlns=\"http://maven.apache.org/SETTINGS/1.0.0\">\n"
                + "  <profiles>\n"
                + "    <profile>\n"
                + "      <id>pediconsult-system</id>\n"
                + "      <activation><activeByDefault>true</activeByDefault></activation>\n"
                + "      <repositories><repository>" + repository + "</repository></repositories>\n"
                + "      <pluginRepositories><pluginRepository>" + repository + "</pluginRepository></pluginRepositories>\n"
                + "    </profile>\n"
                + "  </profiles>\n"
                + "</settings>\n";
    }

    /** The example as a developer would copy it: everything but a target/ left by a build in place. */
    private static void copyExample(Path from, Path to) throws IOException {
        Path ignored = from.resolve("target");
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (dir.equals(ignored)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            List<Path> all = paths.collect(Collectors.toList());
            Collections.reverse(all);
            for (Path path : all) {
                Files.delete(path);
            }
        }
    }

    /** Maven's output, whatever its encoding (undecodable bytes replaced). */
    private static String text(Path log) throws IOException {
        return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(no output)";
        }
        List<String> lines = text(log).lines().collect(Collectors.toList());
        return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL), lines.size()));
    }
}
