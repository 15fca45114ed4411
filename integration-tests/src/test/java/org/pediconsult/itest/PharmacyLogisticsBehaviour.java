package org.pediconsult.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;

/**
 * Dispensing and home delivery in the assembled distribution: an approved prescription becomes a delivery
 * order; the family chooses an address; a pharmacist dispenses (an expiring lot refused) and assigns a
 * courier; the courier dispatches with a tamper seal, the family gets a code by text, five wrong codes kill
 * it, a new one delivers. A cold-chain parcel whose logger reads 9.1 °C cannot be handed over: refused,
 * returned, quarantined. A hospital pharmacy that dispenses itself sends RDS^O13 in. Another family and
 * another courier see nothing.
 */
public abstract class PharmacyLogisticsBehaviour extends PrescriptionBehaviour {
    private static final Pattern CODE = Pattern.compile("\\b([0-9]{6})\\b");
    private static final String LI_PHONE = "13800000002";

    /** An approved prescription of 李小雨 (a consultation of its own) for {@code items}; answers {rx, consult}. */
    private String[] approved(Map<String, Object> draft) throws Exception {
        String doctor = token("dr.wang");
        String consult = liConsultInProgress();
        Reply created = call("POST", "/api/consultations/" + consult + "/prescriptions", doctor, draft);
        assertEquals(created.text, 201, created.status);
        String rx = created.get("id");
        assertEquals(created.text, List.of(), refusedRules(created.json.path("checks")));
        Reply signed = sign(rx, doctor, PASSWORD);
        assertEquals(signed.text, 200, signed.status);
        Reply approved = call("POST", "/api/prescriptions/" + rx + "/approval", token("pharmacist.li"), null);
        assertEquals(approved.text, "APPROVED", approved.get("state"));
        return new String[] {rx, consult};
    }

    /** The delivery order of a prescription, once the approval event made it. */
    private static com.fasterxml.jackson.databind.JsonNode deliveryOf(String rx) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> call("GET", "/api/deliveries?state=AWAITING_DISPENSING",
                token("pharmacist.li"), null).text.contains(rx));
        for (var d : call("GET", "/api/deliveries?state=AWAITING_DISPENSING", token("pharmacist.li"), null).json) {
            if (rx.equals(d.path("prescriptionId").asText())) {
                return d;
            }
        }
        throw new AssertionError("no delivery order for " + rx);
    }

    private static Map<String, Object> dispenseItem(int index, LocalDate expiry) {
        Map<String, Object> item = new HashMap<>();
        item.put("itemIndex", index);
        item.put("lot", "L2026-" + ThreadLocalRandom.current().nextInt(1000, 9999));
        item.put("expiry", expiry.toString());
        item.put("quantity", 1);
        item.put("quantityUnit", "bottle");
        item.put("manufacturer", "某某制药有限公司");
        return item;
    }

    /** The guardian adds an address (the first is the default) and chooses it for the delivery. */
    private static void addressChosen(String delivery) throws Exception {
        String guardian = token(GUARDIAN);
        Reply address = call("POST", "/api/addresses", guardian, Map.of("recipient", "李娜", "phone", LI_PHONE,
                "province", "江苏省", "city", "苏州市", "district", "姑苏区", "street", "人民路 100 号 3 栋 201 室", "postcode", "215000"));
        assertEquals(address.text, 201, address.status);
        Reply chosen = call("POST", "/api/deliveries/" + delivery + "/address", guardian, Map.of("addressId", address.get("id")));
        assertEquals(chosen.text, 200, chosen.status);
        assertEquals("苏州市", chosen.json.path("address").path("city").asText());
    }

    /** The newest door code texted to 李娜 (the development inbox). */
    private static String lastCode() throws Exception {
        Reply inbox = call("GET", "/api/dev-inbox?to=" + LI_PHONE, token("admin"), null);
        assertEquals(inbox.text, 200, inbox.status);
        Matcher m = CODE.matcher(inbox.json.get(0).path("text").asText());
        assertTrue(inbox.text, m.find());
        return m.group(1);
    }

    /** A courier of its own (not the demo courier), logged in with a password of their own. */
    private static String anotherCourier() throws Exception {
        String login = "courier.t" + ThreadLocalRandom.current().nextInt(1_000_000);
        Reply made = call("POST", "/api/accounts", token("admin"), Map.of("username", login, "displayName", "孙快",
                "roles", List.of("COURIER")));
        assertEquals(made.text, 201, made.status);
        Reply first = call("POST", "/api/auth/token", null, Map.of("username", login, "password", made.get("temporaryPassword")));
        Reply changed = call("POST", "/api/auth/password", first.get("access_token"),
                Map.of("currentPassword", made.get("temporaryPassword"), "newPassword", "白日依山尽-黄河入海流"));
        assertEquals(changed.text, 200, changed.status);
        return changed.get("access_token");
    }

    @Test
    public void anApprovedPrescriptionIsDispensedAndDeliveredWithTheFamilysCode() throws Exception {
        String[] made = approved(draft(2.5));
        String rx = made[0];
        var order = deliveryOf(rx);
        String delivery = order.path("id").asText();
        assertFalse(order.path("coldChain").asBoolean());
        String pharmacist = token("pharmacist.li");

        assertEquals(404, call("GET", "/api/deliveries/" + delivery, token("guardian.tang"), null).status);
        assertEquals(409, call("POST", "/api/deliveries/" + delivery + "/assignment", pharmacist,
                Map.of("courier", "courier.zhao")).status); // not dispensed yet
        addressChosen(delivery);

        // a lot expiring before the end of the course plus 30 days is refused
        Reply expiring = call("POST", "/api/dispenses", pharmacist, Map.of("prescriptionId", rx,
                "items", List.of(dispenseItem(0, LocalDate.now().plusDays(20)))));
        assertEquals(expiring.text, 422, expiring.status);
        assertEquals("lot_expiring", expiring.get("code"));
        assertEquals("items[0].expiry", expiring.get("field"));
        assertEquals(403, call("POST", "/api/dispenses", token("dr.wang"), Map.of("prescriptionId", rx,
                "items", List.of(dispenseItem(0, LocalDate.now().plusYears(1))))).status);
        Reply dispensed = call("POST", "/api/dispenses", pharmacist, Map.of("prescriptionId", rx,
                "items", List.of(dispenseItem(0, LocalDate.now().plusYears(1)))));
        assertEquals(dispensed.text, 201, dispensed.status);
        assertEquals(409, call("POST", "/api/dispenses", pharmacist, Map.of("prescriptionId", rx,
                "items", List.of(dispenseItem(0, LocalDate.now().plusYears(1))))).status); // dispensed once
        assertEquals("DISPENSED", call("GET", "/api/prescriptions/" + rx, pharmacist, null).get("state"));

        Reply assigned = call("POST", "/api/deliveries/" + delivery + "/assignment", pharmacist, Map.of("courier", "courier.zhao"));
        assertEquals(assigned.text, "AWAITING_PICKUP", assigned.get("state"));
        String courier = token("courier.zhao");
        String other = anotherCourier();
        assertEquals(404, call("GET", "/api/deliveries/" + delivery, other, null).status);
        assertEquals(404, call("POST", "/api/deliveries/" + delivery + "/dispatch", other, Map.of("sealNumber", "SEAL-X")).status);
        assertFalse(call("GET", "/api/deliveries", other, null).text.contains(delivery));
        assertTrue(call("GET", "/api/deliveries", courier, null).text.contains(delivery));

        Reply dispatched = call("POST", "/api/deliveries/" + delivery + "/dispatch", courier, Map.of("sealNumber", "SEAL-0001"));
        assertEquals(dispatched.text, "IN_TRANSIT", dispatched.get("state"));
        assertTrue(dispatched.text, dispatched.json.path("codeSent").asBoolean());
        String code = lastCode();
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 1; i <= 4; i++) {
            Reply w = call("POST", "/api/deliveries/" + delivery + "/handover", courier, Map.of("code", wrong, "sealIntact", true));
            assertEquals(w.text, 400, w.status);
            assertEquals("code_wrong", w.get("code"));
        }
        Reply fifth = call("POST", "/api/deliveries/" + delivery + "/handover", courier, Map.of("code", wrong, "sealIntact", true));
        assertEquals(fifth.text, 400, fifth.status);
        Reply locked = call("POST", "/api/deliveries/" + delivery + "/handover", courier, Map.of("code", code, "sealIntact", true));
        assertEquals("after five wrong codes the right one is dead too: " + locked.text, "code_invalid", locked.get("code"));
        Reply again = call("POST", "/api/deliveries/" + delivery + "/code", courier, null);
        assertEquals(again.text, 200, again.status);
        Reply delivered = call("POST", "/api/deliveries/" + delivery + "/handover", courier,
                Map.of("code", lastCode(), "sealIntact", true));
        assertEquals(delivered.text, "DELIVERED", delivered.get("state"));

        Reply tracking = call("GET", "/api/consultations/" + made[1] + "/deliveries", token(GUARDIAN), null);
        assertEquals(tracking.text, 200, tracking.status);
        var steps = tracking.json.path("deliveries").get(0).path("timeline");
        assertEquals(tracking.text, List.of("AWAITING_DISPENSING", "DISPENSED", "AWAITING_PICKUP", "IN_TRANSIT", "DELIVERED"),
                java.util.stream.StreamSupport.stream(steps.spliterator(), false).map(s -> s.path("to").asText()).toList());
        assertEquals(1, tracking.json.path("dispenses").size());
        assertEquals(200, call("GET", "/api/consultations/" + made[1] + "/deliveries", token("dr.wang"), null).status);
        assertEquals(404, call("GET", "/api/consultations/" + made[1] + "/deliveries", token("dr.zhang"), null).status);
        assertEquals(404, call("GET", "/api/consultations/" + made[1] + "/deliveries", token("guardian.tang"), null).status);
        Reply ops = call("GET", "/api/deliveries/operations", token("admin"), null);
        assertEquals(ops.text, 200, ops.status);
        assertTrue(ops.text, ops.json.path("delivered").asInt() >= 1);
    }

    @Test
    public void aColdChainParcelThatWarmedUpIsRefusedReturnedAndQuarantined() throws Exception {
        Map<String, Object> draft = draft(2.5);
        @SuppressWarnings("unchecked")
        Map<String, Object> item = new HashMap<>(((List<Map<String, Object>>) draft.get("items")).get(0));
        item.put("code", "LACTOBACILLUS-DROPS");
        item.put("dose", 0.2);
        item.put("unit", "ML");
        item.put("frequency", "QD");
        draft.put("items", List.of(item));
        String rx = approved(draft)[0];
        var order = deliveryOf(rx);
        assertTrue(order.toString(), order.path("coldChain").asBoolean());
        String delivery = order.path("id").asText();
        String pharmacist = token("pharmacist.li");
        addressChosen(delivery);
        assertEquals(201, call("POST", "/api/dispenses", pharmacist, Map.of("prescriptionId", rx,
                "items", List.of(dispenseItem(0, LocalDate.now().plusMonths(6))))).status);
        assertEquals(200, call("POST", "/api/deliveries/" + delivery + "/assignment", pharmacist, Map.of("courier", "courier.zhao")).status);
        String courier = token("courier.zhao");
        assertEquals(200, call("POST", "/api/deliveries/" + delivery + "/dispatch", courier, Map.of("sealNumber", "SEAL-C01")).status);

        Instant t = Instant.now().minusSeconds(600);
        List<Map<String, Object>> cool = List.of(reading("r1", t, 4.5), reading("r2", t.plusSeconds(60), 5.0));
        Reply ok = call("POST", "/api/deliveries/" + delivery + "/temperatures", courier, cool);
        assertEquals(ok.text, 200, ok.status);
        assertEquals(2, ok.json.path("accepted").asInt());
        assertFalse(ok.json.path("excursion").asBoolean());
        Reply resent = call("POST", "/api/deliveries/" + delivery + "/temperatures", courier, cool);
        assertEquals(resent.text, 2, resent.json.path("duplicates").asInt());
        assertEquals(400, call("POST", "/api/deliveries/" + delivery + "/temperatures", courier,
                List.of(reading("r9", Instant.now().plusSeconds(3600), 5.0))).status); // a reading from the future
        Reply warm = call("POST", "/api/deliveries/" + delivery + "/temperatures", courier,
                List.of(reading("r3", t.plusSeconds(120), 9.1)));
        assertTrue(warm.text, warm.json.path("excursion").asBoolean());

        Reply handOver = call("POST", "/api/deliveries/" + delivery + "/handover", courier, Map.of("code", "123456", "sealIntact", true));
        assertEquals(handOver.text, 409, handOver.status);
        assertEquals("cold_chain_excursion", handOver.get("code"));
        assertEquals(409, call("POST", "/api/deliveries/" + delivery + "/receipt", token(GUARDIAN), null).status);
        Reply refused = call("POST", "/api/deliveries/" + delivery + "/refusal", courier,
                Map.of("reason", "TEMPERATURE_EXCURSION", "note", "记录仪 9.1 °C"));
        assertEquals(refused.text, "REFUSED", refused.get("state"));
        assertEquals("RETURNED", call("POST", "/api/deliveries/" + delivery + "/return", courier, null).get("state"));
        Reply quarantined = call("POST", "/api/deliveries/" + delivery + "/quarantine", pharmacist, Map.of("note", "冷链中断，不得重新入库"));
        assertEquals(quarantined.text, "QUARANTINED", quarantined.get("state"));
        assertTrue(call("GET", "/api/deliveries?state=QUARANTINED", pharmacist, null).text.contains(delivery));
        Reply ops = call("GET", "/api/deliveries/operations", token("auditor.chen"), null);
        assertTrue(ops.text, ops.text.contains(delivery) && ops.text.contains("TEMPERATURE_EXCURSION"));
    }

    private static Map<String, Object> reading(String id, Instant at, double celsius) {
        return Map.of("readingId", id, "at", at.toString(), "celsius", celsius);
    }

    /** The hospital pharmacy dispenses in its own system and tells PediConsult with RDS^O13 over MLLP. */
    @Test
    public void aDispenseByTheHospitalPharmacyArrivesAsRdsO13() throws Exception {
        String rx = approved(draft(2.5))[0];
        String delivery = deliveryOf(rx).path("id").asText();
        String now = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").format(java.time.LocalDateTime.now());
        String expiry = DateTimeFormatter.ofPattern("yyyyMMdd").format(LocalDate.now().plusYears(1));
        String control = "RDS" + ThreadLocalRandom.current().nextInt(1_000_000);
        String rds = "MSH|^~\\&|PHARMACY|HOSP|PEDICONSULT|PEDICONSULT|" + now + "||RDS^O13^RDS_O13|" + control + "|P|2.5.1\r"
                + "PID|1||TEST-PID^^^HOSP^MR||李^小雨||20210720|F\r"
                + "ORC|RE|" + rx + "-1^PEDICONSULT||" + rx + "^PEDICONSULT\r"
                + "RXD|1|CETIRIZINE-DROPS^西替利嗪滴剂^PEDICONSULT|" + now + "|1|bottle||" + rx + "|||PH001^钱^药师"
                + "||||||||L-HOSP-77|" + expiry + "|某某制药有限公司^某某制药有限公司\r";
        String missingLot = rds.replace("L-HOSP-77", "").replace(control, control + "B");
        try (Socket socket = new Socket("127.0.0.1", mllpPort())) {
            String refused = Mllp.exchange(socket, missingLot);
            assertTrue(refused, refused.contains("MSA|AE|" + control + "B") || refused.contains("MSA|AR|" + control + "B"));
            String ack = Mllp.exchange(socket, rds);
            assertTrue(ack, ack.contains("MSA|AA|" + control));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "DISPENSED".equals(
                call("GET", "/api/deliveries/" + delivery, token("pharmacist.li"), null).get("state")));
        Reply record = call("GET", "/api/dispenses?prescriptionId=" + rx, token("pharmacist.li"), null);
        assertEquals(record.text, 1, record.json.size());
        assertEquals("hl7:his", record.json.get(0).path("source").asText());
        assertEquals("L-HOSP-77", record.json.get(0).path("items").get(0).path("lot").asText());
        assertNotNull(record.json.get(0).path("dispensedAt").asText(null));
        assertEquals("DISPENSED", call("GET", "/api/prescriptions/" + rx, token("pharmacist.li"), null).get("state"));
    }
}
