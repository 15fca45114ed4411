package org.pediconsult.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The REST side of the attack suite (issue 12): a body over the limit sent without Content-Length,
 * decompression-bomb photos, floods of logins and of video room sign-ins, a logged-out token used
 * again, and the lockout across a restart. On its own {@link KarafProcess}, as shipped (only the
 * ports moved), because its floods use up the rate limits of 127.0.0.1 and it restarts Karaf. The
 * methods run in order: the floods come last, and the last one restarts.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestAbuseIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBLEM = "application/problem+json";
    /** A failure bound for one call, not a timing assertion. */
    private static final Duration CALL = Duration.ofSeconds(60);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static KarafProcess karaf;

    @BeforeAll
    static void start() throws Exception {
        karaf = KarafProcess.unpack("rest-abuse");
        karaf.start();
        karaf.awaitHealthUp();
    }

    @AfterAll
    static void stop() throws Exception {
        if (karaf != null) {
            karaf.close();
        }
    }

    /** Finding: a 2 MiB body sent chunked got 400 invalid_body, not the documented 413. */
    @Test
    @Order(1)
    void aBodyOverTheLimitWithoutContentLengthIs413() throws Exception {
        byte[] body = ("{\"username\":\"" + "a".repeat(2 * 1024 * 1024) + "\",\"password\":\"x\"}")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(karaf.baseUrl() + "/api/auth/token"))
                .timeout(CALL).header("Content-Type", "application/json")
                // a stream of unknown length: sent with Transfer-Encoding: chunked, no Content-Length
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, r.statusCode(), r.body());
        assertEquals(PROBLEM, r.headers().firstValue("Content-Type").orElse(""));
        assertEquals("body_too_large", JSON.readTree(r.body()).path("code").asText());
    }

    /** Finding: no logout or token revocation. */
    @Test
    @Order(2)
    void aLoggedOutTokenIsRefused() throws Exception {
        String token = token("guardian.tang", null);
        assertEquals(200, call("GET", "/api/children", token, null).statusCode());

        assertEquals(204, call("POST", "/api/auth/logout", token, null).statusCode());

        HttpResponse<String> reused = call("GET", "/api/children", token, null);
        assertEquals(401, reused.statusCode(), reused.body());
        assertEquals("invalid_token", JSON.readTree(reused.body()).path("code").asText());
        assertEquals(401, call("POST", "/api/auth/logout", token, null).statusCode(), "it cannot log out twice either");
        assertEquals(200, call("GET", "/api/children", token("guardian.tang", null), null).statusCode(),
                "a new login is a new token");
    }

    /**
     * Finding: an 8000 x 8000 photo was decoded whole (256-512 MB) and decodes ran in parallel without
     * limit. 20 uploads at once of small files that decode to huge rasters: all refused from their
     * header, and the server stays up and answers.
     */
    @Test
    @Order(3)
    void decompressionBombsAreRefusedAndTheServerStaysUp() throws Exception {
        String guardian = token("guardian.tang", null);
        String child = JSON.readTree(call("GET", "/api/children", guardian, null).body()).get(0).path("id").asText();
        List<byte[]> bombs = List.of(
                AbuseImages.pngBomb(8000, 8000, 8, 2),       // ~190 KB, 192 MB of RGB
                AbuseImages.pngBomb(6000, 6000, 16, 6),      // ~280 KB, 288 MB of 16-bit RGBA
                AbuseImages.pngHeader(60000, 60000, 16, 6),  // 33 bytes claiming 28.8 GB
                AbuseImages.jpegHeader(7000, 7000));         // 35 bytes claiming 147 MB
        List<CompletableFuture<HttpResponse<String>>> uploads = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            boolean jpeg = i % 4 == 3;
            uploads.add(CLIENT.sendAsync(HttpRequest.newBuilder(URI.create(karaf.baseUrl()
                    + "/api/dermatology/photos?child=" + child + "&filename=rash-" + i + (jpeg ? ".jpg" : ".png")))
                    .timeout(CALL).header("Authorization", "Bearer " + guardian)
                    .header("Content-Type", jpeg ? "image/jpeg" : "image/png")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bombs.get(i % 4))).build(), HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> upload : uploads) {
            HttpResponse<String> r = upload.join();
            assertEquals(413, r.statusCode(), r.body());
            JsonNode problem = JSON.readTree(r.body());
            assertEquals("image_too_large", problem.path("code").asText());
            assertTrue(problem.path("detail").asText().matches(".*(at most 8000 pixels|at most 24.0 megapixels).*"),
                    "the detail names the limit: " + problem.path("detail").asText());
        }
        JsonNode health = karaf.getJson("/api/health", null);
        assertEquals("UP", health.path("status").asText(), health.toString());
        // answers at once, not after a garbage-collection storm: 10 s is a failure bound, not a measurement
        HttpResponse<String> children = CLIENT.send(HttpRequest.newBuilder(URI.create(karaf.baseUrl() + "/api/children"))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + guardian).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, children.statusCode());
    }

    /** Finding: no rate limit on WebSocket sign-ins. 40 sign-ins with guessed tokens from one address. */
    @Test
    @Order(4)
    void aFloodOfVideoRoomSignInsIsClosedByTheRateLimit() throws Exception {
        List<String> closes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            SignalingClient socket = SignalingClient.connect(karaf.httpPort());
            socket.send(Map.of("type", "auth", "token", "guessed-" + i));
            closes.add(socket.awaitClose());
        }
        assertTrue(closes.get(0).startsWith("1008 ") && !closes.get(0).contains("too many"),
                "the first sign-ins are judged by their token: " + closes.get(0));
        String last = closes.get(closes.size() - 1);
        assertTrue(last.matches("1008 too many sign-ins from this address; try again in \\d+ s"), last);
    }

    /**
     * Findings: no rate limit on login; lockout in memory per node and keyed by the exact user name.
     * The lockout of pharmacist.li (5 wrong passwords) holds for variants of the name, and after a
     * restart; a login flood gets 429 with Retry-After even when every request claims another
     * address in X-Forwarded-For (not trusted as shipped); logins of one user name from ever new
     * addresses get 429 too (after the restart, with 127.0.0.1 listed as a trusted proxy so the test
     * can speak for many clients).
     */
    @Test
    @Order(5)
    void loginFloodsGet429AndTheLockoutOutlivesARestart() throws Exception {
        for (int i = 1; i <= 5; i++) {
            int status = login("pharmacist.li", "wrong-" + i, null).statusCode();
            assertEquals(i < 5 ? 401 : 423, status, "wrong password " + i);
        }
        assertEquals(423, login(" Pharmacist.LI ", KarafProcess.PASSWORD, null).statusCode(),
                "another spelling of the same user name is locked as well");

        HttpResponse<String> refused = null;
        for (int i = 0; i < 400 && refused == null; i++) {
            HttpResponse<String> r = login("flood-" + i, "guess", "203.0.113." + (i % 250));
            if (r.statusCode() == 429) {
                refused = r;
            } else {
                assertEquals(401, r.statusCode(), r.body());
            }
        }
        assertNotNull(refused, "a login flood from one address is refused");
        assertTooMany(refused);

        karaf.stop();
        karaf.append("etc/org.pediconsult.rest.cfg", "trusted.proxies = 127.0.0.1");
        karaf.start();
        karaf.awaitHealthUp();
        HttpResponse<String> stillLocked = login("pharmacist.li", KarafProcess.PASSWORD, null);
        assertEquals(423, stillLocked.statusCode(), "the lockout is in the database: " + stillLocked.body());

        List<CompletableFuture<HttpResponse<String>>> logins = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            logins.add(loginAsync("courier.zhao", KarafProcess.PASSWORD, "198.51.100." + (i + 1)));
        }
        int ok = 0;
        HttpResponse<String> perAccount = null;
        for (CompletableFuture<HttpResponse<String>> login : logins) {
            HttpResponse<String> r = login.join();
            if (r.statusCode() == 200) {
                ok++;
            } else {
                assertEquals(429, r.statusCode(), r.body());
                perAccount = r;
            }
        }
        assertTrue(ok >= 1, "the first logins of the user name pass");
        assertNotNull(perAccount, "80 logins of one user name from 80 addresses: the user name's limit refuses");
        assertTooMany(perAccount);
        assertTrue(JSON.readTree(perAccount.body()).path("detail").asText().contains("user name"));
    }

    private static void assertTooMany(HttpResponse<String> r) throws Exception {
        assertEquals(429, r.statusCode());
        assertEquals(PROBLEM, r.headers().firstValue("Content-Type").orElse(""));
        assertEquals("rate_limited", JSON.readTree(r.body()).path("code").asText());
        long retryAfter = Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
    }

    private static String token(String user, String forwardedFor) throws Exception {
        HttpResponse<String> r = login(user, KarafProcess.PASSWORD, forwardedFor);
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body()).path("access_token").asText();
    }

    private static HttpResponse<String> login(String user, String password, String forwardedFor) throws Exception {
        return loginAsync(user, password, forwardedFor).join();
    }

    private static CompletableFuture<HttpResponse<String>> loginAsync(String user, String password, String forwardedFor)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(karaf.baseUrl() + "/api/auth/token")).timeout(CALL)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("username", user, "password", password))));
        if (forwardedFor != null) {
            b.header("X-Forwarded-For", forwardedFor);
        }
        return CLIENT.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> call(String method, String path, String bearer, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(karaf.baseUrl() + path)).timeout(CALL)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
