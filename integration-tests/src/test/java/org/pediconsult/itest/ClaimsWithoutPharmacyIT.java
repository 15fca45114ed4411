package org.pediconsult.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A hospital that takes claims but delivers no medicines: the distribution with
 * {@code pediconsult-pharmacy-logistics} left out of {@code featuresBoot}. The claim bundle was meant to work
 * without it (only its drug lines need pharmacy logistics: the package import is optional), but its mandatory
 * reference to the pharmacy's {@code Deliveries} service became an {@code osgi.service} requirement in its
 * manifest, and Karaf's resolver refused the whole boot (found in issue 18, measuring each boot feature's cost).
 * Now the suite comes UP, claims answer, and the pharmacy's API is not there.
 */
class ClaimsWithoutPharmacyIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FEATURES = "etc/org.apache.karaf.features.cfg";
    private static KarafProcess karaf;

    @BeforeAll
    static void withoutPharmacyLogistics() throws Exception {
        karaf = KarafProcess.unpack("claims-without-pharmacy");
        Path cfg = karaf.home().resolve(FEATURES);
        List<String> lines = Files.readAllLines(cfg, StandardCharsets.UTF_8);
        List<String> kept = lines.stream().filter(l -> !l.trim().startsWith("pediconsult-pharmacy-logistics/"))
                .collect(Collectors.toList());
        assertEquals(lines.size() - 1, kept.size(), "featuresBoot named pediconsult-pharmacy-logistics once: " + lines);
        Files.write(cfg, kept, StandardCharsets.UTF_8);
        karaf.start();
        karaf.awaitHealthUp();
    }

    @AfterAll
    static void stop() throws Exception {
        if (karaf != null) {
            karaf.close();
        }
    }

    @Test
    void theSuiteIsUpWithEveryBundleActive() throws Exception {
        HttpResponse<String> r = karaf.get("/api/health", null);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode health = JSON.readTree(r.body());
        assertEquals("UP", health.path("status").asText(), r.body());
        assertEquals("UP", health.path("checks").path("bundles").path("status").asText(), r.body());
    }

    @Test
    void claimsAnswerAndThePharmacyIsNotThere() throws Exception {
        HttpResponse<String> claims = karaf.get("/api/claims", karaf.token("billing.sun"));
        assertEquals(200, claims.statusCode(), claims.body());
        assertTrue(JSON.readTree(claims.body()).isArray(), claims.body());

        HttpResponse<String> deliveries = karaf.get("/api/deliveries", karaf.token("courier.zhao"));
        assertEquals(404, deliveries.statusCode(), "no pharmacy logistics, no deliveries resource: " + deliveries.body());
        assertFalse(pharmacyLogisticsInstalled(), "the pharmacy-logistics bundle is not installed");
    }

    /** Whether the framework's bundle cache holds the pharmacy-logistics bundle (each bundle.info names its location). */
    private static boolean pharmacyLogisticsInstalled() throws Exception {
        try (var files = Files.walk(karaf.home().resolve("data/cache"))) {
            return files.filter(f -> f.getFileName().toString().equals("bundle.info")).anyMatch(f -> {
                try {
                    return Files.readString(f, StandardCharsets.ISO_8859_1).contains("mvn:org.pediconsult/pharmacy-logistics/");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }
}
