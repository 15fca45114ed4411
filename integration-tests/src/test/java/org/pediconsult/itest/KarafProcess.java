package org.pediconsult.itest;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The assembled distribution as an operator runs it, for the tests that start and kill a real process
 * (not a Pax Exam container): unpacked into target/&lt;folder&gt;, its HTTP, HTTPS, SSH and HL7 (inbound
 * channel "his") listeners moved to free ports ({@link FreePorts}), configured by appending to its
 * etc/ files, started with bin/start, driven over REST and through bin/client, killed with
 * {@code kill -9} or stopped with bin/stop, which returns before Karaf is down: {@link #stop()} waits
 * for the JVM to end and kills it when it does not. {@link #close()} leaves no Karaf running.
 */
final class KarafProcess implements AutoCloseable {
    static final String PASSWORD = "pediconsult";
    private static final Duration BOOT = Duration.ofMinutes(3);
    private static final Duration STOP = Duration.ofSeconds(60);
    /** A failure bound for one REST call (a page of 1,000 HL7 messages on a busy machine), not a timing assertion. */
    private static final Duration REQUEST = Duration.ofSeconds(60);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Instances not closed yet: {@link TestSessionCleanup} closes them at the end if a test class did not. */
    private static final List<KarafProcess> OPEN = new CopyOnWriteArrayList<>();

    private final Path home;
    private final int http = FreePorts.tcp();
    private final int https = FreePorts.tcp();
    private final int ssh = FreePorts.tcp();
    private final int mllp = FreePorts.tcp();
    private String broker;

    private KarafProcess(Path home) {
        this.home = home;
    }

    /**
     * Unpacks a fresh copy of the distribution into target/&lt;folder&gt; (emptied first), with its
     * listeners on free ports and the Maven repository of this build.
     */
    static KarafProcess unpack(String folder) throws IOException {
        Path target = Paths.get(System.getProperty("pediconsult.exam.dir", "target/exam")).toAbsolutePath().getParent()
                .resolve(folder);
        deleteTree(target);
        unzip(Paths.get(System.getProperty("pediconsult.distribution")), target);
        Path home;
        try (var dirs = Files.list(target)) {
            home = dirs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        KarafProcess karaf = new KarafProcess(home);
        karaf.append("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository = "
                + System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository"));
        karaf.append("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port = " + karaf.http
                + "\norg.osgi.service.http.port.secure = " + karaf.https);
        karaf.append("etc/org.apache.karaf.shell.cfg", "sshPort = " + karaf.ssh);
        karaf.append("etc/org.pediconsult.hl7.inbound-his.cfg", "port = " + karaf.mllp);
        OPEN.add(karaf);
        return karaf;
    }

    /** Opens the embedded broker's TCP listener (in-JVM only by default) on a free port; answers its URL. */
    String openBroker() throws IOException {
        broker = "tcp://127.0.0.1:" + FreePorts.tcp();
        append("etc/org.pediconsult.messaging.cfg", "embedded.listen = " + broker);
        return broker;
    }

    Path home() {
        return home;
    }

    /** The port of the inbound HL7 channel "his" (etc/org.pediconsult.hl7.inbound-his.cfg). */
    int mllpPort() {
        return mllp;
    }

    String baseUrl() {
        return "http://localhost:" + http;
    }

    /** Plain HTTP (127.0.0.1 only by default): REST and the video signaling socket. */
    int httpPort() {
        return http;
    }

    /** HTTPS (every interface by default), with the certificate bin/setenv generated on first start. */
    int httpsPort() {
        return https;
    }

    /** Karaf's SSH console. */
    int sshPort() {
        return ssh;
    }

    /** Appends a line (or lines) to an etc/ file, creating it if needed. */
    void append(String file, String line) throws IOException {
        Files.writeString(home.resolve(file), "\n" + line + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    // ---- the process

    /** bin/start; returns once the script did (Karaf goes on booting: {@link #awaitHealthUp()}). */
    void start() throws IOException, InterruptedException {
        Files.deleteIfExists(home.resolve("karaf.pid"));
        script("start");
    }

    /**
     * Waits until /api/health answers 200 (and each of {@code paths} answers 200), generously; fails
     * at once with the end of the log if the JVM died on the way.
     */
    void awaitHealthUp(String... paths) {
        long start = System.nanoTime();
        String[] deadBefore = {null};
        await().atMost(BOOT).pollInterval(Duration.ofMillis(500)).ignoreExceptionsInstanceOf(IOException.class).until(() -> {
            // ended only when karaf.pid names the same dead process twice in a row: Karaf's Main creates the
            // file and then writes its pid, and a poll in between read an empty (or a partly written) pid
            // and took a booting Karaf for ended (seen once, two clones' suites running at once)
            String dead = deadPid();
            if (dead != null && dead.equals(deadBefore[0])) {
                throw new IllegalStateException("Karaf ended while booting (pid " + dead + "):\n" + logTail());
            }
            deadBefore[0] = dead;
            if (get("/api/health", null).statusCode() != 200) {
                return false;
            }
            for (String path : paths) {
                if (get(path, null).statusCode() != 200) {
                    return false;
                }
            }
            return true;
        });
        System.out.printf("KarafProcess: %s up %d ms after bin/start returned%n", home.getParent().getFileName(),
                (System.nanoTime() - start) / 1_000_000);
    }

    /** The pid in karaf.pid when it names no live process; null when there is no pid (yet) or it is alive. */
    private String deadPid() throws IOException {
        Path pidFile = home.resolve("karaf.pid");
        if (!Files.exists(pidFile)) {
            return null;
        }
        String pid = Files.readString(pidFile).trim();
        if (pid.isEmpty() || !pid.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return ProcessHandle.of(Long.parseLong(pid)).filter(ProcessHandle::isAlive).isPresent() ? null : pid;
    }

    /** The Karaf JVM itself (Karaf's Main writes its own pid to karaf.pid), not a wrapper script. */
    Optional<ProcessHandle> jvm() throws IOException {
        Path pidFile = home.resolve("karaf.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        String pid = Files.readString(pidFile).trim();
        return pid.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(pid)).filter(ProcessHandle::isAlive);
    }

    /** {@code kill -9} of the Karaf JVM; returns once it is gone. */
    ProcessHandle kill() throws Exception {
        ProcessHandle jvm = jvm().orElseThrow(() -> new AssertionError("karaf.pid names a live process"));
        jvm.destroyForcibly();
        jvm.onExit().get(STOP.toSeconds(), TimeUnit.SECONDS);
        return jvm;
    }

    /** bin/stop, then waits for the JVM to end; kills it when it has not within a minute. */
    void stop() throws Exception {
        Optional<ProcessHandle> jvm = jvm();
        if (jvm.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        script("stop");
        if (!exited(jvm.get(), STOP)) {
            System.out.println("KarafProcess: " + home.getParent().getFileName() + " still running " + STOP.toSeconds() + " s after bin/stop: killed");
            jvm.get().destroyForcibly();
            jvm.get().onExit().get(STOP.toSeconds(), TimeUnit.SECONDS);
        } else {
            System.out.printf("KarafProcess: %s stopped in %d ms%n", home.getParent().getFileName(), (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** Waits up to {@code limit} for the process to end; answers whether it did. */
    static boolean exited(ProcessHandle process, Duration limit) {
        process.onExit().completeOnTimeout(null, limit.toMillis(), TimeUnit.MILLISECONDS).join();
        return !process.isAlive();
    }

    @Override
    public void close() throws Exception {
        OPEN.remove(this);
        stop();
    }

    static void closeAll() {
        for (KarafProcess karaf : OPEN) {
            try {
                karaf.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot stop " + karaf.home, e);
            }
        }
    }

    /** Runs bin/&lt;command&gt; and waits for the script (not for Karaf); its output goes to data-&lt;command&gt;.out. */
    private void script(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(home.resolve("bin/" + command).toString())
                .directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("data-" + command + ".out").toFile()))
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("bin/" + command + " did not return within 60 s");
        }
    }

    /**
     * Runs a Karaf shell command through bin/client over SSH as the administrator and answers what it
     * printed; fails when the client does not end within a minute or exits with an error. The command
     * goes in on stdin in batch mode ({@code -b}): given as an argument, the client's session closes
     * before the command runs ("Session has been closed: Immediate").
     */
    String shell(String command) throws Exception {
        Path in = Files.createTempFile(home, "client", ".in");
        Path out = Files.createTempFile(home, "client", ".out");
        Files.writeString(in, command + "\n", StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(home.resolve("bin/client").toString(), "-h", "127.0.0.1", "-a", String.valueOf(ssh),
                "-u", "admin", "-p", PASSWORD, "-r", "10", "-d", "1", "-b")
                .directory(home.toFile()).redirectErrorStream(true)
                .redirectInput(in.toFile()).redirectOutput(out.toFile()).start();
        boolean ended = p.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String printed = Files.readString(out, StandardCharsets.UTF_8);
        Files.delete(in);
        Files.delete(out);
        if (!ended || p.exitValue() != 0) {
            throw new AssertionError("bin/client " + command + (ended ? " exited " + p.exitValue() : " did not end in 60 s")
                    + ":\n" + printed);
        }
        return printed;
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(home.resolve("data/log/karaf.log"), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no data/log/karaf.log: " + e + ")";
        }
    }

    // ---- REST

    /** A bearer token of a demo user (password "pediconsult"). */
    String token(String user) throws Exception {
        HttpResponse<String> r = post("/api/auth/token", null, Map.of("username", user, "password", PASSWORD));
        if (r.statusCode() != 200) {
            throw new AssertionError("login of " + user + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body()).path("access_token").asText();
    }

    HttpResponse<String> get(String path, String bearer) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(REQUEST);
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> post(String path, String bearer, Object body) throws Exception {
        return send("POST", path, bearer, body);
    }

    /** A JSON request of any method with a body. */
    HttpResponse<String> send(String method, String path, String bearer, Object body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(REQUEST)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A request of any method without a body (e.g. to see how an endpoint answers a caller). */
    HttpResponse<String> send(String method, String path, String bearer) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(REQUEST)
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** GET answering 200, parsed. */
    JsonNode getJson(String path, String bearer) throws Exception {
        HttpResponse<String> r = get(path, bearer);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    // ---- files

    private static void unzip(Path zip, Path into) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Path out = into.resolve(e.getName()).normalize();
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out);
                    if (e.getName().contains("/bin/")) {
                        out.toFile().setExecutable(true);
                    }
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            List<Path> paths = new ArrayList<>();
            try (var walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(paths::add);
            }
            for (Path p : paths) {
                Files.delete(p);
            }
        }
    }
}
