package org.pediconsult.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The attack suite, REST authorization (issue 12): against the shipped distribution, every method of
 * the API (as {@code GET /api/platform/endpoints} lists them) without a token is 401 and with each role
 * it does not declare is 403; another family's objects are 404 to a guardian and a physician who are
 * not theirs; only a consultation's guardian or physician cancels it; a guardian cannot claim a
 * hospital patient number; refused accesses and list reads are found through {@code GET
 * /api/audit/records}.
 */
class AuthorizationAttackIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A user of every role: the demo users and AttackedDistribution's extra accounts. */
    private static final Map<String, String> USER_OF_ROLE = new LinkedHashMap<>();

    static {
        USER_OF_ROLE.put("INTEGRATION_ADMIN", "admin");
        USER_OF_ROLE.put("PHYSICIAN", "dr.wang");
        USER_OF_ROLE.put("GUARDIAN", "guardian.tang");
        USER_OF_ROLE.put("PHARMACIST", "pharmacist.li");
        USER_OF_ROLE.put("COURIER", "courier.zhao");
        USER_OF_ROLE.put("AUDITOR", "auditor.chen");
        USER_OF_ROLE.put("FRONT_DESK", "frontdesk.zhou");
        USER_OF_ROLE.put("BILLING", "billing.sun");
        USER_OF_ROLE.put("SYSTEM_HIS", "his.system");
        USER_OF_ROLE.put("SYSTEM_INSURER", "insurer.system");
    }

    private static KarafProcess karaf;
    private static final Map<String, String> TOKEN = new LinkedHashMap<>();
    private static List<JsonNode> endpoints;

    @BeforeAll
    static void distribution() throws Exception {
        karaf = AttackedDistribution.get();
        for (String user : USER_OF_ROLE.values()) {
            TOKEN.put(user, karaf.token(user));
        }
        TOKEN.put("guardian.liu", karaf.token("guardian.liu"));
        endpoints = new ArrayList<>();
        karaf.getJson("/api/platform/endpoints", TOKEN.get("admin")).forEach(endpoints::add);
        assertTrue(endpoints.size() > 30, "the inventory lists the API: " + endpoints);
    }

    private static String concrete(String path) {
        return path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    }

    @Test
    void everyEndpointWithoutATokenIs401() throws Exception {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (JsonNode e : endpoints) {
            if ("PUBLIC".equals(e.path("access").asText()) || "LOCATOR".equals(e.path("method").asText())) {
                continue;
            }
            String path = concrete(e.path("path").asText());
            HttpResponse<String> r = karaf.send(e.path("method").asText(), path, null);
            checked++;
            if (r.statusCode() != 401) {
                wrong.add(e.path("method").asText() + " " + path + " -> " + r.statusCode());
            }
            HttpResponse<String> forged = karaf.send(e.path("method").asText(), path, TOKEN.get("admin") + "x");
            if (forged.statusCode() != 401) {
                wrong.add(e.path("method").asText() + " " + path + " with a forged token -> " + forged.statusCode());
            }
        }
        assertTrue(checked > 30, "checked " + checked);
        assertEquals(List.of(), wrong, "answered without a valid token");
    }

    @Test
    void everyEndpointRefusesEachRoleItDoesNotDeclare() throws Exception {
        List<String> wrong = new ArrayList<>();
        Map<String, Integer> refusedPerRole = new LinkedHashMap<>();
        for (JsonNode e : endpoints) {
            String access = e.path("access").asText();
            assertFalse("UNDECLARED".equals(access), "a served endpoint declares who may call it: " + e);
            if ("PUBLIC".equals(access) || "LOCATOR".equals(e.path("method").asText())) {
                continue;
            }
            List<String> roles = new ArrayList<>();
            e.path("roles").forEach(r -> roles.add(r.asText()));
            for (Map.Entry<String, String> role : USER_OF_ROLE.entrySet()) {
                boolean declared = "AUTHENTICATED".equals(access) || roles.contains(role.getKey());
                if (declared && !"AUTHENTICATED".equals(access)) {
                    continue; // a declared role reaches the method (not called here: it may change data)
                }
                String path = concrete(e.path("path").asText());
                HttpResponse<String> r = karaf.send(e.path("method").asText(), path, TOKEN.get(role.getValue()));
                boolean refused = r.statusCode() == 403 && r.body().contains("\"code\":\"forbidden\"");
                if (declared == refused || declared && r.statusCode() == 401) {
                    wrong.add(e.path("method").asText() + " " + path + " as " + role.getKey() + " -> " + r.statusCode()
                            + " " + r.body());
                }
                if (refused) {
                    refusedPerRole.merge(role.getKey(), 1, Integer::sum);
                }
            }
        }
        System.out.println("AuthorizationAttackIT: 403 per role: " + refusedPerRole);
        assertEquals(List.of(), wrong, "roles the endpoints do not declare must be refused (403), declared ones not");
        assertEquals(USER_OF_ROLE.size(), refusedPerRole.size(), "every role was refused somewhere: " + refusedPerRole);
    }

    /** guardian.tang's child, an assessment and its consultation (not booked: no physician's yet). */
    private static Map<String, String> tangsObjects() throws Exception {
        String tang = TOKEN.get("guardian.tang");
        JsonNode children = karaf.getJson("/api/children", tang);
        String childId = children.get(0).path("id").asText();
        HttpResponse<String> a = karaf.post("/api/assessments", tang, Map.of("childId", childId,
                "specialtyId", "growth-development", "answers", Map.of("developmentalRegression", false,
                        "measurements", List.of(Map.of("date", LocalDate.now().minusDays(3).toString(),
                                "weightKg", 16.2, "lengthHeightCm", 103)))));
        assertEquals(201, a.statusCode(), a.body());
        JsonNode consultation = JSON.readTree(a.body());
        return Map.of("child", childId, "consultation", consultation.path("id").asText(),
                "assessment", consultation.path("assessmentId").asText(), "childName", children.get(0).path("givenName").asText());
    }

    @Test
    void anotherFamilysObjectsAre404() throws Exception {
        String liu = TOKEN.get("guardian.liu");
        HttpResponse<String> profile = karaf.post("/api/guardians", liu, Map.of("familyName", "刘", "givenName", "伟"));
        assertTrue(profile.statusCode() == 201 || profile.statusCode() == 409, profile.body());
        Map<String, String> tangs = tangsObjects();
        Map<String, Object> bodies = Map.of("booking", Map.of("slotId", UUID.randomUUID().toString()),
                "reschedule", Map.of("slotId", UUID.randomUUID().toString()), "guardian-presence", Map.of("present", true),
                "completion", Map.of("diagnosis", "湿疹", "plan", "保湿"),
                "end-and-refer", Map.of("reason", "需要面诊", "facility", "儿童医院皮肤科"),
                "allergies", Map.of("substance", "penicillins"),
                "prescriptions", Map.of("items", List.of(Map.of("code", "CETIRIZINE-DROPS", "dose", 2.5, "unit", "MG"))),
                "check", Map.of("items", List.of(Map.of("code", "CETIRIZINE-DROPS", "dose", 2.5, "unit", "MG"))),
                "coverage", Map.of("payer", "itest", "plan", "x", "insuredId", "x", "region", "110000", "relationship", "MTH"));
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (JsonNode e : endpoints) {
            String template = e.path("path").asText();
            String kind = template.startsWith("/api/children/{") ? "child"
                    : template.startsWith("/api/consultations/{") ? "consultation"
                    : template.startsWith("/api/assessments/{") ? "assessment" : null;
            if (kind == null) {
                continue;
            }
            List<String> roles = new ArrayList<>();
            e.path("roles").forEach(r -> roles.add(r.asText()));
            String path = template.replaceFirst("\\{[^}]+}", tangs.get(kind));
            // a second path parameter (an allergy of the child...) names something that is not there either
            path = path.replaceAll("\\{[^}]+}", "00000000-0000-4000-8000-000000000000");
            String last = path.substring(path.lastIndexOf('/') + 1);
            for (String[] caller : new String[][] {{"GUARDIAN", "guardian.liu"}, {"PHYSICIAN", "dr.wang"}}) {
                if (!roles.contains(caller[0])) {
                    continue;
                }
                String method = e.path("method").asText();
                HttpResponse<String> r = ("POST".equals(method) || "PUT".equals(method)) && bodies.containsKey(last)
                        ? karaf.send(method, path, TOKEN.get(caller[1]), bodies.get(last))
                        : karaf.send(method, path, TOKEN.get(caller[1]));
                checked++;
                if (r.statusCode() != 404 || r.body().contains(tangs.get("childName"))) {
                    wrong.add(method + " " + path + " as " + caller[1] + " -> " + r.statusCode() + " " + r.body());
                }
            }
        }
        HttpResponse<String> chart = karaf.get("/api/growth/chart?child=" + tangs.get("child") + "&indicator=weight-for-age", liu);
        checked++;
        if (chart.statusCode() != 404) {
            wrong.add("growth chart of tang's child as guardian.liu -> " + chart.statusCode());
        }
        assertTrue(checked >= 15, "checked " + checked);
        assertEquals(List.of(), wrong, "another family's objects must be 404 (and say nothing of them)");
    }

    @Test
    void onlyTheConsultationsGuardianOrPhysicianCancelsIt() throws Exception {
        String id = tangsObjects().get("consultation");
        for (String other : new String[] {"auditor.chen", "admin"}) {
            HttpResponse<String> r = karaf.send("POST", "/api/consultations/" + id + "/cancellation", TOKEN.get(other));
            assertEquals(403, r.statusCode(), other + ": " + r.body());
        }
        HttpResponse<String> own = karaf.send("POST", "/api/consultations/" + id + "/cancellation", TOKEN.get("guardian.tang"));
        assertEquals(200, own.statusCode(), own.body());
        assertEquals("CANCELLED", JSON.readTree(own.body()).path("state").asText());
    }

    @Test
    void aGuardianCannotClaimAHospitalPatientNumber() throws Exception {
        for (String type : new String[] {"HIS", "his"}) {
            HttpResponse<String> r = karaf.post("/api/children", TOKEN.get("guardian.tang"), Map.of("familyName", "唐",
                    "givenName", "冒领", "sex", "MALE", "birthDate", "2021-03-04", "idType", type,
                    "idValue", "PILOT1^HIS-000123", "relationship", "MTH"));
            assertEquals(403, r.statusCode(), r.body());
            assertTrue(r.body().contains("his_identifier_reserved"), r.body());
        }
        Map<String, Object> child = Map.of("familyName", "唐", "givenName", "小红", "sex", "FEMALE", "birthDate", "2022-05-06",
                "idType", "RESIDENT_ID", "idValue", "11010520220506" + (1000 + (int) (Math.random() * 8999)), "relationship", "MTH");
        assertEquals(201, karaf.post("/api/children", TOKEN.get("guardian.tang"), child).statusCode());
        HttpResponse<String> twice = karaf.post("/api/children", TOKEN.get("guardian.liu"), child);
        assertEquals(409, twice.statusCode(), "one child per identifier: " + twice.body());
    }

    @Test
    void refusedAccessesAndListReadsAreFoundInTheAuditTrail() throws Exception {
        String auditor = TOKEN.get("auditor.chen");
        String marker = "/api/consultations/" + UUID.randomUUID();
        assertEquals(404, karaf.send("GET", marker, TOKEN.get("guardian.liu")).statusCode());
        assertEquals(401, karaf.send("GET", "/api/children", null).statusCode());
        assertEquals(403, karaf.send("GET", "/api/audit/records", TOKEN.get("courier.zhao")).statusCode());

        JsonNode liuRefused = karaf.getJson("/api/audit/records?action=REFUSED&actor=guardian.liu&limit=50", auditor);
        assertTrue(contains(liuRefused, "resourceId", "GET " + marker), "the 404 of another's object: " + liuRefused);
        JsonNode anonymous = karaf.getJson("/api/audit/records?action=REFUSED&actor=anonymous&limit=50", auditor);
        assertTrue(contains(anonymous, "resourceId", "GET /api/children"), anonymous.toString());
        assertTrue(contains(anonymous, "clientAddress", "127.0.0.1"), "where it came from: " + anonymous);
        JsonNode courier = karaf.getJson("/api/audit/records?action=REFUSED&actor=courier.zhao&limit=50", auditor);
        assertTrue(contains(courier, "detail", "403 forbidden"), courier.toString());

        // who saw this child: the guardian's list read names her children
        String tang = TOKEN.get("guardian.tang");
        String childId = karaf.getJson("/api/children", tang).get(0).path("id").asText();
        JsonNode seen = karaf.getJson("/api/audit/records?patient=" + childId + "&actor=guardian.tang&action=READ", auditor);
        assertTrue(contains(seen, "resourceType", "child-list"), "the list read is found through the child: " + seen);

        // a shell command is recorded as the user who logged in to the console, not the OS user Karaf runs as
        karaf.shell("pediconsult:consult-list");
        JsonNode shell = karaf.getJson("/api/audit/records?actor=shell:admin&action=READ&limit=50", auditor);
        assertTrue(contains(shell, "resourceType", "consultation-list"), "the console listing, as shell:admin: " + shell);
        assertEquals(400, karaf.get("/api/audit/records?action=NOPE", auditor).statusCode());
        assertEquals(400, karaf.get("/api/audit/records?from=yesterday", auditor).statusCode());
        assertEquals(403, karaf.get("/api/audit/records", TOKEN.get("admin")).statusCode(), "the auditor's view only");
    }

    private static boolean contains(JsonNode records, String field, String value) {
        for (JsonNode r : records) {
            if (value.equals(r.path(field).asText())) {
                return true;
            }
        }
        return false;
    }
}
