package org.pediconsult.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Attack surface, demo credentials (issue 12: the demo admin password opened the SSH console and the
 * console banner printed it; nothing told a demo installation from a real one; passwords were stored
 * as unsalted SHA-512). The health and the UI say "demo"; the banner prints no password; with demo
 * data off the platform is DOWN, with the reason, while any account of the realm still has the demo
 * password, and UP once each is changed; stored passwords are salted Argon2id hashes.
 */
class DemoModeIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** {CRYPT}$argon2id$v=19$m=..;t=..;p=..$salt$hash{CRYPT}: the format of bundles/password-hashing. */
    private static final Pattern ARGON2ID = Pattern.compile(
            "\\{CRYPT\\}\\$argon2id\\$v=19\\$m=(\\d+);t=(\\d+);p=(\\d+)\\$([A-Za-z0-9+/]{22})\\$([A-Za-z0-9+/]{43})\\{CRYPT\\}");
    private static final Duration LONG = Duration.ofMinutes(2);

    private static KarafProcess demoOff;

    @AfterAll
    static void stop() throws Exception {
        if (demoOff != null) {
            demoOff.close();
        }
    }

    @Test
    void theShippedDistributionSaysItRunsInDemoMode() throws Exception {
        JsonNode health = AttackedDistribution.get().getJson("/api/health", null);
        assertEquals("UP", health.path("status").asText(), health.toString());
        assertEquals("demo", health.path("mode").asText(), health.toString());
    }

    @Test
    void theConsoleBannerPrintsNoPassword() throws Exception {
        KarafProcess karaf = AttackedDistribution.get();
        Properties branding = new Properties();
        branding.load(new StringReader(Files.readString(karaf.home().resolve("etc/branding.properties"), StandardCharsets.ISO_8859_1)));
        String welcome = branding.getProperty("welcome", "");
        assertFalse(welcome.isEmpty(), "the distribution has its own banner");
        assertFalse(Pattern.compile("(?is)password.{0,60}" + KarafProcess.PASSWORD).matcher(welcome).find(),
                "the console banner prints no password:\n" + welcome);
    }

    @Test
    void demoPasswordsAreStoredAsSaltedArgon2idHashesDifferentForEachUser() throws Exception {
        KarafProcess karaf = AttackedDistribution.get();
        // the realm keeps the shell administrator (and here the attack suite's extra users, all with the same
        // password): a salted hash still differs from user to user. The demo users of the database ship their
        // hashes in DemoAccounts (DemoAccountsTest checks them the same way).
        Map<String, String> hashes = awaitHashed(karaf.home());
        assertTrue(hashes.containsKey("admin"), "the shell administrator: " + hashes.keySet());
        for (Map.Entry<String, String> user : hashes.entrySet()) {
            Matcher m = ARGON2ID.matcher(user.getValue());
            assertTrue(m.matches(), user.getKey() + " has a salted Argon2id hash: " + user.getValue());
            assertTrue(Integer.parseInt(m.group(1)) >= 19_456 && Integer.parseInt(m.group(2)) >= 2,
                    "at least OWASP's Argon2id cost (19 MiB, 2 passes): " + user.getValue());
        }
        assertEquals(hashes.size(), new HashSet<>(hashes.values()).size(), "no two users share a hash: " + hashes);
        assertEquals(hashes.size(), hashes.values().stream().map(h -> h.split("\\$")[4]).distinct().count(), "no two share a salt");
    }

    @Test
    void withDemoDataOffTheDemoPasswordsKeepItDownUntilEveryOneIsChanged() throws Exception {
        demoOff = KarafProcess.unpack("demo-off");
        demoOff.append("etc/org.pediconsult.consultation.cfg", "demo.data = false");
        demoOff.start();

        JsonNode down = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> health(demoOff), h -> h != null && "DOWN".equals(h.path("checks").path("accounts").path("status").asText()));
        assertEquals("DOWN", down.path("status").asText(), down.toString());
        assertEquals("production", down.path("mode").asText(), down.toString());
        String reason = down.path("checks").path("accounts").path("detail").asText();
        assertTrue(reason.matches(".*\\d+ of \\d+ accounts of JAAS realm 'karaf' still have the demo password.*"), reason);
        assertFalse(reason.contains("admin"), "the public health names no account: " + reason);
        // the accounts are the only reason: everything else is up
        await().atMost(LONG).pollInterval(Duration.ofSeconds(1)).ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> othersUp(health(demoOff)));

        JsonNode messages = health(demoOff).path("checks").path("messages");
        assertEquals("DOWN", messages.path("status").asText(), messages.toString());
        assertTrue(messages.path("detail").asText().contains("development inbox"), messages.toString());

        // the operator sets a new password for every account, as README says: in etc/users.properties,
        // and removes the development inbox (codes would reach nobody's phone)
        String newPassword = "Lantern-ward-51-" + System.nanoTime();
        Map<String, String> before = awaitHashed(demoOff.home());
        setEveryPassword(demoOff.home(), newPassword);
        Files.delete(demoOff.home().resolve("etc/org.pediconsult.devinbox.cfg"));

        JsonNode up = await().atMost(LONG).pollInterval(Duration.ofSeconds(1)).ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> health(demoOff), h -> h != null && "UP".equals(h.path("status").asText()));
        assertEquals("production", up.path("mode").asText(), up.toString());
        Map<String, String> after = awaitHashed(demoOff.home());
        assertEquals(before.keySet(), after.keySet());
        assertEquals(after.size(), new HashSet<>(after.values()).size(), "the same new password, a different hash per user");
        assertEquals(200, login(demoOff, "admin", newPassword).statusCode());
        assertEquals(401, login(demoOff, "admin", KarafProcess.PASSWORD).statusCode());
        assertEquals(401, login(demoOff, "dr.wang", KarafProcess.PASSWORD).statusCode(), "no demo users without demo data");
    }

    // ---- helpers

    private static JsonNode health(KarafProcess karaf) throws Exception {
        HttpResponse<String> r = karaf.get("/api/health", null);
        return r.statusCode() == 200 || r.statusCode() == 503 ? JSON.readTree(r.body()) : null;
    }

    private static boolean othersUp(JsonNode health) {
        if (health == null) {
            return false;
        }
        for (String check : List.of("database", "broker", "bundles", "api")) {
            if (!"UP".equals(health.path("checks").path(check).path("status").asText())) {
                return false;
            }
        }
        return true;
    }

    private static HttpResponse<String> login(KarafProcess karaf, String user, String password) throws Exception {
        return karaf.post("/api/auth/token", null, Map.of("username", user, "password", password));
    }

    /** user -> stored password of etc/users.properties, once Karaf has hashed every one of them. */
    private static Map<String, String> awaitHashed(Path home) {
        return await().atMost(LONG).pollInterval(Duration.ofMillis(500)).ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> storedPasswords(home), users -> !users.isEmpty() && users.values().stream().allMatch(p -> p.startsWith("{CRYPT}")));
    }

    private static Map<String, String> storedPasswords(Path home) throws IOException {
        Map<String, String> users = new LinkedHashMap<>();
        for (String line : Files.readAllLines(home.resolve("etc/users.properties"), StandardCharsets.ISO_8859_1)) {
            String trimmed = line.trim();
            int eq = trimmed.indexOf('=');
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("_g_") || eq < 0) {
                continue;
            }
            users.put(trimmed.substring(0, eq).trim(), trimmed.substring(eq + 1).split(",")[0].trim());
        }
        return users;
    }

    /** Replaces each user's stored password by {@code password} in plain text (Karaf hashes it on the change). */
    private static void setEveryPassword(Path home, String password) throws IOException {
        Path file = home.resolve("etc/users.properties");
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
            String trimmed = line.trim();
            int eq = line.indexOf('=');
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("_g_") || eq < 0) {
                lines.add(line);
                continue;
            }
            String[] infos = line.substring(eq + 1).split(",", 2);
            lines.add(line.substring(0, eq).trim() + " = " + password + (infos.length > 1 ? "," + infos[1] : ""));
        }
        // in place, as an editor does: Karaf watches the file for modifications (not for a new file moved over it)
        Files.write(file, lines, StandardCharsets.ISO_8859_1);
    }
}
