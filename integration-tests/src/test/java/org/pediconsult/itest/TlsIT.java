package org.pediconsult.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Attack surface, transport (issue 12: HTTP 8181 was plaintext, so passwords, tokens, children's
 * records and ws:// signaling crossed the network in clear). The distribution as shipped answers on
 * HTTPS with the certificate it generated on first start: TLS 1.2 and 1.3 only, AEAD cipher suites
 * only, HSTS; signaling works as wss://; the key store password is nowhere but its own file.
 */
class TlsIT {
    /** Authenticated encryption: GCM, CCM or ChaCha20-Poly1305 (IANA names). */
    private static final Pattern AEAD = Pattern.compile(".*(_GCM_|_CCM|_CHACHA20_POLY1305_).*");
    private static final Pattern WEAK = Pattern.compile(".*(CBC|RC4|3DES|DES_|NULL|EXPORT|_anon_|_MD5).*");

    private static KarafProcess karaf;

    @BeforeAll
    static void shippedDistribution() throws Exception {
        karaf = AttackedDistribution.get();
    }

    private static String https(String path) {
        return "https://localhost:" + karaf.httpsPort() + path;
    }

    @Test
    void testsslFindsNoProtocolBelowTls12NoWeakCipherAndHsts() throws Exception {
        Path out = Paths.get(System.getProperty("pediconsult.exam.dir", "target/exam")).toAbsolutePath().getParent().resolve("testssl");
        TlsScan scan = TlsScan.run("https://127.0.0.1:" + karaf.httpsPort() + "/consult/", out);
        String report = " (testssl output in " + out + ")";

        for (String old : List.of("SSLv2", "SSLv3", "TLS1", "TLS1_1")) {
            String finding = scan.get(old).map(TlsScan.Finding::finding).orElse("(not reported)");
            assertTrue(finding.startsWith("not offered"), old + " is not offered: " + finding + report);
        }
        assertTrue(scan.get("TLS1_2").map(f -> f.finding().startsWith("offered")).orElse(false), "TLS 1.2 is offered" + report);
        assertTrue(scan.get("TLS1_3").map(f -> f.finding().startsWith("offered")).orElse(false), "TLS 1.3 is offered" + report);

        for (String category : List.of("cipherlist_NULL", "cipherlist_aNULL", "cipherlist_EXPORT", "cipherlist_LOW",
                "cipherlist_3DES_IDEA", "cipherlist_AVERAGE")) {
            String finding = scan.get(category).map(TlsScan.Finding::finding).orElse("(not reported)");
            assertTrue(finding.startsWith("not offered"), category + " is not offered: " + finding + report);
        }
        List<TlsScan.Finding> ciphers = scan.offeredCiphers();
        assertFalse(ciphers.isEmpty(), "testssl listed the offered cipher suites" + report);
        for (TlsScan.Finding cipher : ciphers) {
            String[] columns = cipher.finding().trim().split("\\s+");
            String iana = columns[columns.length - 1];
            assertTrue(AEAD.matcher(iana).matches() && !WEAK.matcher(iana).matches(),
                    "only AEAD suites (GCM, CCM, ChaCha20-Poly1305) are offered, not " + cipher.finding() + report);
        }

        TlsScan.Finding hsts = scan.get("HSTS_time").orElseThrow(() -> new AssertionError("testssl found no HSTS header" + report));
        assertEquals("OK", hsts.severity(), hsts.finding());
        assertTrue(hsts.finding().contains("31536000"), "HSTS max-age one year: " + hsts.finding());
    }

    @Test
    void httpsAnswersWithTheGeneratedCertificateAndHstsWhilePlainHttpStaysLocal() throws Exception {
        HttpClient client = GeneratedCertificate.client(karaf.home());
        // hostname verification against the certificate's names: localhost is one of them
        HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(https("/api/health")))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, health.statusCode(), health.body());
        assertEquals("max-age=31536000", health.headers().firstValue("Strict-Transport-Security").orElse("(none)"));
        assertTrue(health.headers().firstValue("Server").isEmpty(), "no server version is sent");
        // a login over HTTPS: the demo user's password crosses the network encrypted only
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(https("/api/auth/token")))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"auditor.chen\",\"password\":\"pediconsult\"}")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, login.statusCode(), login.body());

        HttpResponse<String> plain = karaf.get("/api/health", null);
        assertEquals(200, plain.statusCode(), "plain HTTP still answers on this machine (the README's first command)");
        assertTrue(plain.headers().firstValue("Strict-Transport-Security").isEmpty(), "HSTS is meaningless on plain HTTP");
    }

    @Test
    void signalingWorksAsWssThroughHttps() throws Exception {
        SignalingClient client = SignalingClient.connect(GeneratedCertificate.client(karaf.home()),
                URI.create("wss://localhost:" + karaf.httpsPort() + "/video/signal"));
        // the socket is open over TLS; a sign-in with something that is no room token is refused with a policy close
        client.send(Map.of("type", "auth", "token", "not-a-room-token"));
        String closed = client.awaitClose();
        assertTrue(closed.startsWith("1008"), "signaling answered over wss:// with a policy close: " + closed);
    }

    @Test
    void theKeyStorePasswordIsOnlyInItsOwnFile() throws Exception {
        Path home = karaf.home();
        String password = GeneratedCertificate.password(home);
        assertTrue(password.length() >= 40, "32 random bytes, base64url");
        Set<PosixFilePermission> ownerOnly = Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertEquals(ownerOnly, Files.getPosixFilePermissions(home.resolve(GeneratedCertificate.PASSWORD_FILE)));
        assertEquals(ownerOnly, Files.getPosixFilePermissions(home.resolve(GeneratedCertificate.STORE)));

        long pid = karaf.jvm().orElseThrow().pid();
        String commandLine = Files.readString(Paths.get("/proc", String.valueOf(pid), "cmdline"), StandardCharsets.ISO_8859_1);
        assertFalse(commandLine.contains(password), "the password is not on the Karaf JVM's command line");
        try (Stream<Path> files = Stream.concat(Stream.concat(Files.walk(home.resolve("etc")), Files.walk(home.resolve("data/log"))),
                Files.walk(home.resolve("data/cache")).filter(p -> p.toString().endsWith(".config")))) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                assertFalse(Files.readString(file, StandardCharsets.ISO_8859_1).contains(password),
                        "the key store password is not in " + home.relativize(file));
            }
        }
    }
}
