package org.pediconsult.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.Test;
import org.ops4j.pax.exam.Option;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

/**
 * Insurance claims in the assembled distribution: a completed consultation of a covered child is claimed and
 * submitted to a REST test insurer (a real HTTP server in the test), rejected, resubmitted as a new version,
 * accepted, adjudicated by the insurer's callback, and counted in the reconciliation; a submitted claim is not
 * sent twice; an ended-and-referred consultation is not claimed; another family and other roles see nothing.
 */
public abstract class ClaimBehaviour extends PharmacyLogisticsBehaviour {
    static final String CLAIM_CFG = "etc/org.pediconsult.claim.cfg";
    private static final String INSURER_PORT = "pediconsult.it.insurer-rest.port";

    @Override
    protected Option[] extraOptions() {
        List<Option> options = new ArrayList<>(Arrays.asList(super.extraOptions()));
        int port = FreePorts.tcp();
        options.addAll(Arrays.asList(
                systemProperty(INSURER_PORT).value(String.valueOf(port)),
                editConfigurationFilePut(CLAIM_CFG, "ruleset.2026-01.effective.from", "2020-01-01"),
                editConfigurationFilePut(CLAIM_CFG, "ruleset.2026-01.pilot.window.start", "2020-01-01"),
                editConfigurationFilePut(CLAIM_CFG, "ruleset.2026-01.pilot.window.end", "2099-12-31"),
                editConfigurationFilePut(CLAIM_CFG, "ruleset.2026-01.pilot.specialties",
                        "growth-development,nutrition,dermatology," + SPECIALTY),
                editConfigurationFilePut("etc/org.pediconsult.claim.insurer-itest-rest.cfg", "pediconsult.claim.payer", "itest-rest"),
                editConfigurationFilePut("etc/org.pediconsult.claim.insurer-itest-rest.cfg", "transport", "REST"),
                editConfigurationFilePut("etc/org.pediconsult.claim.insurer-itest-rest.cfg", "rest.url",
                        "http://127.0.0.1:" + port + "/claims"),
                editConfigurationFilePut("etc/users.properties", "insurer.itest-rest", "pediconsult,SYSTEM_INSURER"),
                editConfigurationFilePut("etc/users.properties", "insurer.other", "pediconsult,SYSTEM_INSURER")));
        return options.toArray(new Option[0]);
    }

    /** 李小雨's coverage with a payer. */
    protected static void covered(String payer) throws Exception {
        String guardian = token(GUARDIAN);
        String child = call("GET", "/api/children", guardian, null).json.get(0).path("id").asText();
        Reply put = call("PUT", "/api/children/" + child + "/coverage", guardian, Map.of("payer", payer, "plan", "城乡居民基本医疗保险",
                "insuredId", "INS-320500-0001", "region", "320500", "relationship", "MTH"));
        assertEquals(put.text, 200, put.status);
    }

    /** The consultation's claims, newest version last, once there are at least {@code n} and the last is in {@code state}. */
    protected static JsonNode claimsOnce(String consult, int n, String state) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Reply r = call("GET", "/api/consultations/" + consult + "/claims", token(GUARDIAN), null);
            return r.status == 200 && r.json.size() >= n && state.equals(r.json.get(r.json.size() - 1).path("state").asText());
        });
        return call("GET", "/api/consultations/" + consult + "/claims", token(GUARDIAN), null).json;
    }

    protected static void complete(String consult) throws Exception {
        Reply done = call("POST", "/api/consultations/" + consult + "/completion", token("dr.wang"),
                Map.of("diagnosis", "湿疹 eczema", "plan", "保湿，一周后复诊"));
        assertEquals(done.text, "COMPLETED", done.get("state"));
    }

    @Test
    public void aCompletedConsultationIsClaimedRejectedResubmittedAcceptedAndPaid() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        AtomicReference<String> answer = new AtomicReference<>("{\"outcome\":\"REJECTED\",\"reasons\":[\"参保人编号不存在 insured id unknown\"]}");
        HttpServer insurer = HttpServer.create(new InetSocketAddress("127.0.0.1", containerPort(INSURER_PORT)), 0);
        insurer.createContext("/claims", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(exchange.getRequestHeaders().getFirst("Idempotency-Key") + " " + body);
            byte[] out = answer.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        insurer.start();
        try {
            covered("itest-rest");
            String consult = liConsultInProgress();
            complete(consult);
            JsonNode v1 = claimsOnce(consult, 1, "REJECTED").get(0);
            assertTrue(v1.toString(), v1.toString().contains("insured id unknown"));
            assertEquals("110200001", v1.path("lines").get(0).path("itemCode").asText());
            assertEquals(1, received.stream().filter(r -> r.startsWith(v1.path("id").asText())).count());

            String billing = token("billing.zhou");
            assertEquals(409, call("POST", "/api/claims/" + v1.path("id").asText() + "/submission", billing, null).status);
            answer.set("{\"outcome\":\"ACCEPTED\"}");
            Reply v2 = call("POST", "/api/claims/" + v1.path("id").asText() + "/resubmission", billing, null);
            assertEquals(v2.text, 201, v2.status);
            assertEquals(2, v2.json.path("version").asInt());
            JsonNode accepted = claimsOnce(consult, 2, "ACCEPTED").get(1);
            String lineId = accepted.path("lines").get(0).path("lineId").asText();
            assertTrue("a new transaction id per version", !lineId.equals(v1.path("lines").get(0).path("lineId").asText()));
            assertEquals(409, call("POST", "/api/claims/" + accepted.path("id").asText() + "/submission", billing, null).status);
            assertEquals(1, received.stream().filter(r -> r.startsWith(accepted.path("id").asText())).count());

            Map<String, Object> paid = Map.of("lines", List.of(Map.of("lineId", lineId, "paidAmount", 30.00)));
            assertEquals(404, call("POST", "/api/claims/" + accepted.path("id").asText() + "/adjudication", freshToken("insurer.other"),
                    paid).status);
            assertEquals(403, call("POST", "/api/claims/" + accepted.path("id").asText() + "/adjudication", billing, paid).status);
            Reply adjudicated = call("POST", "/api/claims/" + accepted.path("id").asText() + "/adjudication",
                    freshToken("insurer.itest-rest"), paid);
            assertEquals(adjudicated.text, "ADJUDICATED", adjudicated.get("state"));
            assertEquals(0, new java.math.BigDecimal("30.00").compareTo(adjudicated.json.path("paid").decimalValue()));

            // a credit of 5.00 on the paid line: a new version naming the original line, sent like any claim
            Reply credit = call("POST", "/api/claims/" + accepted.path("id").asText() + "/corrections", billing,
                    Map.of("type", "CD", "originalLineId", lineId, "amount", 5.00, "reason", "诊查费多收 5 元 overcharged"));
            assertEquals(credit.text, 201, credit.status);
            assertEquals(3, credit.json.path("version").asInt());
            JsonNode corrected = claimsOnce(consult, 3, "ACCEPTED").get(2);
            assertEquals("CD", corrected.path("lines").get(0).path("type").asText());
            assertEquals(lineId, corrected.path("lines").get(0).path("originalLineId").asText());
            assertTrue(received.toString(), received.stream().anyMatch(r -> r.startsWith(corrected.path("id").asText())
                    && r.contains("\"originalLineId\":\"" + lineId + "\"")));
            assertEquals(400, call("POST", "/api/claims/" + accepted.path("id").asText() + "/corrections", billing,
                    Map.of("type", "CD", "originalLineId", lineId, "amount", 500.00, "reason", "too much")).status);

            String period = "from=" + java.time.LocalDate.now().minusDays(300) + "&to=" + java.time.LocalDate.now().plusDays(1);
            Reply rec = call("GET", "/api/claims/reconciliation?" + period, billing, null);
            assertEquals(rec.text, 200, rec.status);
            assertTrue(rec.text, rec.json.path("totals").path("paid").decimalValue().compareTo(new java.math.BigDecimal("30.00")) >= 0);
            assertEquals(400, call("GET", "/api/claims/reconciliation?from=2020-01-01&to=2099-12-31", billing, null).status);
            String csv = http("GET", "/api/claims/reconciliation.csv?" + period, billing, null).body();
            assertTrue(csv, csv.startsWith("institution,specialty,claims,claimed,accepted,paid,outstanding")
                    && csv.contains("PILOT-CHILDRENS-HOSPITAL-1"));

            assertEquals(404, call("GET", "/api/consultations/" + consult + "/claims", token("guardian.tang"), null).status);
            assertEquals(403, call("GET", "/api/claims", token("courier.zhao"), null).status);
            assertEquals(403, call("GET", "/api/claims", token(GUARDIAN), null).status);
        } finally {
            insurer.stop(0);
            covered("itest-none"); // later consultations of this child wait for billing instead of calling a stopped server
        }
    }

    @Test
    public void anEndedAndReferredConsultationIsNotClaimedAndTheFamilySeesWhy() throws Exception {
        covered("itest-none");
        String consult = liConsultInProgress();
        Reply referred = call("POST", "/api/consultations/" + consult + "/end-and-refer", token("dr.wang"),
                Map.of("reason", "需要当面检查", "facility", "儿童医院皮肤科门诊"));
        assertEquals(referred.text, "REFERRED", referred.get("state"));
        JsonNode claim = claimsOnce(consult, 1, "INELIGIBLE").get(0);
        assertTrue(claim.toString(), claim.path("reasons").toString().toLowerCase().contains("refer"));
        assertEquals(0, claim.path("claimed").decimalValue().signum());
    }

    /**
     * Drug lines: a completed consultation's prescription approved and dispensed is charged as a new claim version at
     * the catalogue's price (cetirizine drops, category B: 24.50 a bottle, 90% claimed and 10% self-pay), submitted to
     * the REST insurer once; the same dispense's event a second time charges nothing.
     */
    @Test
    public void aDispensedPrescriptionIsChargedAsDrugLinesOnceAtTheCataloguePrice() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer insurer = HttpServer.create(new InetSocketAddress("127.0.0.1", containerPort(INSURER_PORT)), 0);
        insurer.createContext("/claims", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(exchange.getRequestHeaders().getFirst("Idempotency-Key") + " " + body);
            byte[] out = "{\"outcome\":\"ACCEPTED\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        insurer.start();
        try {
            covered("itest-rest");
            String doctor = token("dr.wang");
            String pharmacist = token("pharmacist.li");
            String consult = liConsultInProgress();
            Reply created = call("POST", "/api/consultations/" + consult + "/prescriptions", doctor, draft(2.5));
            assertEquals(created.text, 201, created.status);
            String rx = created.get("id");
            assertEquals(200, sign(rx, doctor, PASSWORD).status);
            Reply approved = call("POST", "/api/prescriptions/" + rx + "/approval", pharmacist, null);
            assertEquals(approved.text, "APPROVED", approved.get("state"));
            complete(consult);
            JsonNode v1 = claimsOnce(consult, 1, "ACCEPTED").get(0);
            assertEquals("the visit only: nothing dispensed yet", 1, v1.path("lines").size());

            await().atMost(Duration.ofSeconds(30)).until(() -> call("GET", "/api/deliveries?state=AWAITING_DISPENSING",
                    pharmacist, null).text.contains(rx));
            Map<String, Object> item = new java.util.HashMap<>();
            item.put("itemIndex", 0);
            item.put("lot", "L-CLAIM-1");
            item.put("expiry", java.time.LocalDate.now().plusYears(1).toString());
            item.put("quantity", 1);
            item.put("quantityUnit", "bottle");
            item.put("manufacturer", "某某制药有限公司");
            Reply dispensed = call("POST", "/api/dispenses", pharmacist, Map.of("prescriptionId", rx, "items", List.of(item)));
            assertEquals(dispensed.text, 201, dispensed.status);
            String dispenseId = dispensed.get("id");

            JsonNode v2 = claimsOnce(consult, 2, "ACCEPTED").get(1);
            JsonNode lines = v2.path("lines");
            assertEquals(v2.toString(), 2, lines.size());
            JsonNode claimed = lines.get(0);
            JsonNode self = lines.get(1);
            assertEquals("CG", claimed.path("type").asText());
            assertEquals("CETIRIZINE-DROPS", claimed.path("itemCode").asText());
            assertEquals("CETIRIZINE-DROPS", claimed.path("drugCode").asText());
            assertEquals(dispenseId, claimed.path("dispenseId").asText());
            assertEquals(0, new java.math.BigDecimal("1").compareTo(claimed.path("quantity").decimalValue()));
            assertEquals(0, new java.math.BigDecimal("24.50").compareTo(claimed.path("unitAmount").decimalValue()));
            assertEquals(0, new java.math.BigDecimal("22.05").compareTo(claimed.path("amount").decimalValue()));
            assertTrue(!claimed.path("selfPay").asBoolean() && self.path("selfPay").asBoolean());
            assertEquals(0, new java.math.BigDecimal("2.45").compareTo(self.path("amount").decimalValue()));
            assertEquals(0, new java.math.BigDecimal("22.05").compareTo(v2.path("claimed").decimalValue()));
            assertEquals(1, received.stream().filter(r -> r.startsWith(v2.path("id").asText())).count());
            assertTrue(received.toString(), received.stream().anyMatch(r -> r.startsWith(v2.path("id").asText())
                    && r.contains("\"drugCode\":\"CETIRIZINE-DROPS\"")));

            // the same dispense's event once more (another event id): charged once
            org.pediconsult.platform.api.event.DomainEvent again = outbox.newEvent("pharmacy", "dispensed", 1, dispenseId,
                    "{\"dispenseId\":\"" + dispenseId + "\",\"prescriptionId\":\"" + rx + "\",\"consultationId\":\"" + consult
                            + "\",\"childId\":\"" + v2.path("childId").asText() + "\",\"source\":\"PEDICONSULT\"}");
            try (java.sql.Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                outbox.append(c, again);
                c.commit();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                try (java.sql.Connection c = dataSource.getConnection();
                     java.sql.PreparedStatement ps = c.prepareStatement(
                             "SELECT COUNT(*) FROM platform_event_inbox WHERE consumer = 'claim-drugs' AND event_id = ?")) {
                    ps.setString(1, again.eventId());
                    try (java.sql.ResultSet rs = ps.executeQuery()) {
                        return rs.next() && rs.getInt(1) == 1;
                    }
                }
            });
            JsonNode after = claimsOnce(consult, 2, "ACCEPTED");
            assertEquals(after.toString(), 2, after.size());
            assertEquals(1, received.stream().filter(r -> r.startsWith(v2.path("id").asText())).count());
        } finally {
            insurer.stop(0);
            covered("itest-none");
        }
    }

}
