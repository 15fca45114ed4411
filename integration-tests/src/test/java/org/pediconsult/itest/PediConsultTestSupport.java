package org.pediconsult.itest;

import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.systemTimeout;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedExceptionAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.inject.Inject;
import javax.security.auth.Subject;

import org.apache.karaf.features.BootFinished;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.osgi.framework.BundleContext;

/**
 * Base of every Pax Exam test: one container per test class, booted from the assembled PediConsult
 * distribution (not a stock Karaf) with its HTTP, SSH and HL7 listeners on free ports
 * ({@link FreePorts}), so that it runs beside a developer's instance and beside another checkout's
 * test run. Subclasses add options (e.g. PostgreSQL) through {@link #extraOptions()}.
 *
 * <p>{@link #config()} runs in the test JVM, the test methods in the container: what they need to
 * know of the configuration (ports, database) reaches them as container system properties.
 */
public abstract class PediConsultTestSupport {
    static final String PASSWORD = "pediconsult";
    private static final String HTTP_PORT = "pediconsult.it.http.port";
    private static final String MLLP_PORT = "pediconsult.it.mllp.port";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    protected BundleContext bundleContext;

    /** Waits until every boot feature is installed. */
    @Inject
    protected BootFinished bootFinished;

    @Inject
    protected SessionFactory sessionFactory;

    @Configuration
    public Option[] config() {
        String repo = System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository");
        int http = FreePorts.tcp();
        int mllp = FreePorts.tcp();
        List<Option> options = new ArrayList<>(Arrays.asList(
                karafDistributionConfiguration()
                        .frameworkUrl("file:" + System.getProperty("pediconsult.distribution"))
                        .name("PediConsult").karafVersion("4.4.9")
                        .unpackDirectory(new File(System.getProperty("pediconsult.exam.dir", "target/exam")))
                        .useDeployFolder(false),
                keepRuntimeFolder(),
                logLevel(LogLevel.INFO),
                configureConsole().ignoreLocalConsole(),
                systemTimeout(300_000),
                // the probe bundle waits for Pax Exam's invoker service, by default 10 s (Swissbox's
                // ServiceLookup); on a loaded machine (two clones' suites at once) the boot features took
                // longer and the container then waited its whole system timeout for a probe that had given up
                systemProperty("org.ops4j.pax.swissbox.tracker.ServiceLookup.DEFAULT_TIMEOUT").value("120000"),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(http)),
                // Pax Exam starts Java directly, not through bin/setenv, so no HTTPS certificate is generated:
                // HTTPS off here (the process-based tests, KarafProcess, cover it); plain HTTP from etc/jetty.xml
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.secure.enabled", "false"),
                systemProperty(HTTP_PORT).value(String.valueOf(http)),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(FreePorts.tcp())),
                // the HL7 bridge is a boot feature: its listener moves off 2575 like the other ports
                editConfigurationFilePut("etc/org.pediconsult.hl7.inbound-his.cfg", "port", String.valueOf(mllp)),
                systemProperty(MLLP_PORT).value(String.valueOf(mllp)),
                // no JMX here (the distribution has no management feature); Pax Exam itself puts free
                // ports in etc/org.apache.karaf.management.cfg for its RMI registry
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository", repo),
                mavenBundle("org.hamcrest", "hamcrest", "2.2"),
                mavenBundle("org.awaitility", "awaitility", "4.3.0")));
        options.addAll(Arrays.asList(extraOptions()));
        return options.toArray(new Option[0]);
    }

    /** The container's HTTP port (in the container, where the test methods run). */
    protected static int httpPort() {
        return containerPort(HTTP_PORT);
    }

    /** The port of the container's inbound HL7 channel "his". */
    protected static int mllpPort() {
        return containerPort(MLLP_PORT);
    }

    /** A port chosen in {@link #config()} and handed to the container as a system property. */
    protected static int containerPort(String property) {
        Integer port = Integer.getInteger(property);
        if (port == null) {
            throw new IllegalStateException(property + " is not set: this runs in the Pax Exam container, configured by config()");
        }
        return port;
    }

    /** Options a subclass adds to the container. */
    protected Option[] extraOptions() {
        return new Option[0];
    }

    /**
     * Switches the container to PostgreSQL by configuration only, as an operator would: a database of
     * its own, created for this class and run ({@link PostgresDatabases}), on the server and with the
     * user of {@code .ci/postgres-setup} (or -Dpediconsult.it.postgres.url/user/password).
     */
    protected static Option[] postgres(String databaseSuffix) {
        String cfg = "etc/org.ops4j.datasource-pediconsult.cfg";
        return new Option[] {
            systemProperty("pediconsult.it.database").value("PostgreSQL"),
            editConfigurationFilePut(cfg, "osgi.jdbc.driver.class", "org.postgresql.Driver"),
            editConfigurationFilePut(cfg, "url", PostgresDatabases.create(databaseSuffix)),
            editConfigurationFilePut(cfg, "user", PostgresDatabases.user()),
            editConfigurationFilePut(cfg, "password", PostgresDatabases.password()),
        };
    }

    /** A JSON exchange with the REST API. */
    protected static Reply call(String method, String path, String bearer, Object body) throws Exception {
        String json = body == null ? null : body instanceof String ? (String) body : JSON.writeValueAsString(body);
        HttpResponse<String> r = http(method, path, bearer, json);
        return new Reply(r.statusCode(), r.body());
    }

    protected static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** Status and parsed body of a REST answer. */
    protected static final class Reply {
        public final int status;
        public final String text;
        public final com.fasterxml.jackson.databind.JsonNode json;

        Reply(int status, String text) throws Exception {
            this.status = status;
            this.text = text;
            this.json = text == null || text.isEmpty() ? JSON.nullNode() : JSON.readTree(text);
        }

        public String get(String field) {
            return json.path(field).asText(null);
        }

        @Override
        public String toString() {
            return status + " " + text;
        }
    }

    /** An HTTP exchange with the container's REST API. */
    protected static HttpResponse<String> http(String method, String path, String bearer, String jsonBody) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    protected static HttpResponse<String> login(String username, String password) throws Exception {
        return http("POST", "/api/auth/token", null,
                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
    }

    private static final java.util.Map<String, java.util.Map.Entry<String, java.time.Instant>> TOKENS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A bearer token of a demo user, kept for 20 minutes (tokens live an hour): the tests of one container
     * log in as admin dozens of times a minute, beyond the login limit per user name (30 a minute).
     */
    protected static String token(String username) throws Exception {
        var cached = TOKENS.get(username);
        if (cached != null && cached.getValue().isAfter(java.time.Instant.now().minus(java.time.Duration.ofMinutes(20)))) {
            return cached.getKey();
        }
        String fresh = freshToken(username);
        TOKENS.put(username, java.util.Map.entry(fresh, java.time.Instant.now()));
        return fresh;
    }

    /** A new bearer token of a demo user (a login each time). */
    protected static String freshToken(String username) throws Exception {
        HttpResponse<String> response = login(username, PASSWORD);
        if (response.statusCode() != 200) {
            throw new AssertionError("login of " + username + " answered " + response.statusCode() + ": " + response.body());
        }
        String body = response.body();
        int start = body.indexOf("\"access_token\":\"") + 16;
        return body.substring(start, body.indexOf('"', start));
    }

    /** Runs a Karaf shell command as an administrator and returns what it printed. */
    protected String shell(String command) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        Subject admin = new Subject();
        admin.getPrincipals().add(new RolePrincipal("admin"));
        admin.getPrincipals().add(new RolePrincipal("manager"));
        admin.getPrincipals().add(new RolePrincipal("viewer"));
        Session session = sessionFactory.create(System.in, print, print);
        try {
            Subject.doAs(admin, (PrivilegedExceptionAction<Object>) () -> session.execute(command));
        } finally {
            session.close();
        }
        print.flush();
        return out.toString(StandardCharsets.UTF_8);
    }
}
