package org.pediconsult.itest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Debian's testssl.sh (package {@code testssl.sh}, command {@code testssl}; installed by
 * .ci/test-setup) run against one HTTPS address on this machine: protocols ({@code -p}), cipher
 * categories ({@code -s}), every cipher per protocol ({@code -E}) and HTTP headers ({@code -h}), with
 * its flat JSON output parsed into findings (id, severity, finding).
 */
final class TlsScan {
    /** One line of testssl's JSON output. */
    record Finding(String id, String severity, String finding) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<Finding> findings;

    private TlsScan(List<Finding> findings) {
        this.findings = findings;
    }

    static Optional<Path> command() {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        return Stream.of(path.split(":")).flatMap(dir -> Stream.of(Paths.get(dir, "testssl"), Paths.get(dir, "testssl.sh")))
                .filter(Files::isExecutable).findFirst();
    }

    /** Scans {@code url} (https://127.0.0.1:port/path); testssl's JSON and screen output are kept in {@code out}. */
    static TlsScan run(String url, Path out) throws Exception {
        Path testssl = command().orElseThrow(() -> new AssertionError(
                "testssl.sh is not installed: run .ci/test-setup (Debian package testssl.sh)"));
        Files.createDirectories(out);
        Path json = out.resolve("testssl.json");
        Files.deleteIfExists(json);
        Process p = new ProcessBuilder(testssl.toString(), "--quiet", "--color", "0", "--warnings", "off", "--nodns", "none",
                "--connect-timeout", "10", "--openssl-timeout", "10", "-p", "-s", "-E", "-h", "--jsonfile", json.toString(), url)
                .redirectErrorStream(true).redirectOutput(out.resolve("testssl.out").toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("testssl did not finish within 5 minutes: " + out.resolve("testssl.out"));
        }
        if (!Files.exists(json)) {
            throw new AssertionError("testssl wrote no JSON (exit " + p.exitValue() + "): " + readQuietly(out.resolve("testssl.out")));
        }
        List<Finding> findings = new ArrayList<>();
        for (JsonNode f : JSON.readTree(json.toFile())) {
            findings.add(new Finding(f.path("id").asText(), f.path("severity").asText(), f.path("finding").asText()));
        }
        return new TlsScan(findings);
    }

    List<Finding> all() {
        return findings;
    }

    Optional<Finding> get(String id) {
        return findings.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /** The cipher suites offered, one finding per protocol and suite ({@code -E}: ids cipher-tls1_2_xc02b, ...). */
    List<Finding> offeredCiphers() {
        return findings.stream().filter(f -> f.id().startsWith("cipher-")).toList();
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }
}
