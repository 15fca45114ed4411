package org.pediconsult.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.junit.Test;
import org.osgi.service.cm.ConfigurationAdmin;

import com.fasterxml.jackson.databind.JsonNode;


/**
 * Prescriptions in the assembled distribution: the consultation's physician prescribes with live checks
 * and signs with the password again; refused checks block signing; a pharmacist rejects and the physician
 * signs a corrected new version, which is approved; allergies, duplicates and controlled drugs are refused;
 * others see nothing. The pharmacy's HL7 channel is {@link PrescriptionPharmacyBehaviour}'s. The family is 李娜 and 李小雨 (guardian.li), so the
 * consultation tests' demo child keeps its own HL7 history.
 */
public abstract class PrescriptionBehaviour extends PilotSpecialtiesBehaviour {
    protected static final String GUARDIAN = "guardian.li";

    @Inject
    protected ConfigurationAdmin configurationAdmin;

    /** A consultation of 李小雨 with dr.wang in the test specialty, IN_PROGRESS. */
    protected String liConsultInProgress() throws Exception {
        String guardian = token(GUARDIAN);
        Reply children = call("GET", "/api/children", guardian, null);
        String child = children.json.get(0).path("id").asText();
        Reply assessed = call("POST", "/api/assessments", guardian,
                Map.of("childId", child, "specialtyId", SPECIALTY, "answers", mildAnswers()));
        assertEquals(assessed.text, 201, assessed.status);
        String id = assessed.get("id");
        Reply booked = call("POST", "/api/consultations/" + id + "/booking", guardian,
                Map.of("slotId", slot(physicianId("dr.wang"), uniqueFutureTime())));
        assertEquals(booked.text, 200, booked.status);
        assertEquals(200, call("POST", "/api/consultations/" + id + "/waiting-room", guardian, null).status);
        Reply admitted = call("POST", "/api/consultations/" + id + "/admission", token("dr.wang"), null);
        assertEquals(admitted.text, "IN_PROGRESS", admitted.get("state"));
        return id;
    }

    /** Cetirizine for an 18 kg child measured today: {@code mg} per dose, twice a day for 5 days. */
    protected static Map<String, Object> draft(double mg) {
        Map<String, Object> item = new HashMap<>();
        item.put("code", "CETIRIZINE-DROPS");
        item.put("dose", mg);
        item.put("unit", "MG");
        item.put("frequency", "BID");
        item.put("durationDays", 5);
        item.put("quantity", 1);
        item.put("quantityUnit", "bottle");
        item.put("instructions", Map.of("zh", "早晚各一次，饭后服", "en", "morning and evening, after meals"));
        Map<String, Object> d = new HashMap<>();
        d.put("items", List.of(item));
        d.put("weightKg", 18.0);
        d.put("weightDate", LocalDate.now(PILOT_ZONE).toString());
        return d;
    }

    protected static List<String> refusedRules(JsonNode checks) {
        List<String> out = new ArrayList<>();
        checks.forEach(c -> {
            if (!c.path("passed").asBoolean()) {
                out.add(c.path("rule").asText());
            }
        });
        return out;
    }

    protected static Reply sign(String id, String doctor, String password) throws Exception {
        return call("POST", "/api/prescriptions/" + id + "/signature", doctor, Map.of("password", password, "validDays", 1));
    }

    @Test
    public void refusedChecksBlockSigningAndARejectedPrescriptionIsCorrectedAsANewVersion() throws Exception {
        String doctor = token("dr.wang");
        String consult = liConsultInProgress();
        String child = call("GET", "/api/consultations/" + consult, doctor, null).get("childId");

        // 5 mg for 18 kg is 0.28 mg/kg, over the formulary's 0.25 mg/kg per dose
        Reply over = call("POST", "/api/consultations/" + consult + "/prescriptions", doctor, draft(5));
        assertEquals(over.text, 201, over.status);
        String rx = over.get("id");
        assertEquals(over.text, List.of("mg-per-kg-per-dose"), refusedRules(over.json.path("checks")));
        Reply blocked = sign(rx, doctor, PASSWORD);
        assertEquals(blocked.text, 422, blocked.status);
        assertEquals("checks_failed", blocked.get("code"));
        assertTrue(blocked.text, blocked.text.contains("mg-per-kg-per-dose"));

        // a controlled drug is refused though the specialty lists it
        Map<String, Object> controlled = draft(2.5);
        @SuppressWarnings("unchecked")
        Map<String, Object> item = new HashMap<>(((List<Map<String, Object>>) controlled.get("items")).get(0));
        item.put("code", "CHLORAL-HYDRATE");
        item.put("dose", 100);
        controlled.put("items", List.of(item));
        Reply chloral = call("POST", "/api/consultations/" + consult + "/prescriptions/check", doctor, controlled);
        assertEquals(chloral.text, 200, chloral.status);
        assertTrue(chloral.text, refusedRules(chloral.json.path("checks")).contains("controlled-drug"));

        // an allergy the guardian records is checked at once
        Reply allergy = call("POST", "/api/children/" + child + "/allergies", token(GUARDIAN),
                Map.of("substance", "H1-Antihistamine", "reaction", "荨麻疹 hives"));
        assertEquals(allergy.text, 201, allergy.status);
        assertEquals("h1-antihistamine", allergy.get("substance"));
        assertEquals(409, call("POST", "/api/children/" + child + "/allergies", token(GUARDIAN),
                Map.of("substance", "h1-antihistamine")).status);
        assertEquals(404, call("POST", "/api/children/" + child + "/allergies", token("guardian.tang"),
                Map.of("substance", "penicillin")).status);
        try {
            Reply checked = call("POST", "/api/consultations/" + consult + "/prescriptions/check", doctor, draft(2.5));
            assertTrue(checked.text, checked.text.contains("\"h1-antihistamine\""));
        } finally {
            assertEquals(204, call("DELETE", "/api/children/" + child + "/allergies/" + allergy.get("id"), token(GUARDIAN),
                    null).status);
        }

        Map<String, Object> fixed = draft(2.5);
        fixed.put("rowVersion", over.json.path("rowVersion").asInt());
        Reply corrected = call("PUT", "/api/prescriptions/" + rx, doctor, fixed);
        assertEquals(corrected.text, 200, corrected.status);
        assertEquals(corrected.text, List.of(), refusedRules(corrected.json.path("checks")));
        assertEquals(409, call("PUT", "/api/prescriptions/" + rx, doctor, fixed).status); // stale row version
        assertEquals(200, sign(rx, doctor, PASSWORD).status);
        assertEquals(409, call("PUT", "/api/prescriptions/" + rx, doctor, draft(2.5)).status); // signed: never edited
        Reply extended = call("POST", "/api/prescriptions/" + rx + "/validity", doctor, Map.of("validDays", 3));
        assertEquals(extended.text, 200, extended.status);
        assertEquals(400, call("POST", "/api/prescriptions/" + rx + "/validity", doctor, Map.of("validDays", 4)).status);

        assertEquals(400, call("POST", "/api/prescriptions/" + rx + "/rejection", token("pharmacist.li"), Map.of()).status);
        Reply unknownCategory = call("POST", "/api/prescriptions/" + rx + "/rejection", token("pharmacist.li"),
                Map.of("reason", "请注明服药时间 state when to take it", "category", "MOOD"));
        assertEquals(unknownCategory.text, 400, unknownCategory.status);
        assertEquals("category", unknownCategory.json.path("field").asText());
        Reply rejected = call("POST", "/api/prescriptions/" + rx + "/rejection", token("pharmacist.li"),
                Map.of("reason", "请注明服药时间 state when to take it", "category", "WRITING"));
        assertEquals(rejected.text, "REJECTED", rejected.get("state"));
        assertEquals("WRITING", rejected.get("rejectionCategory"));
        assertEquals(404, call("GET", "/api/prescriptions/" + rx, token(GUARDIAN), null).status);

        Reply v2 = call("POST", "/api/prescriptions/" + rx + "/revision", doctor, null);
        assertEquals(v2.text, 201, v2.status);
        assertEquals(2, v2.json.path("version").asInt());
        assertEquals(rx, v2.get("previousId"));
        assertEquals(409, call("POST", "/api/prescriptions/" + rx + "/revision", doctor, null).status);
        assertEquals(200, sign(v2.get("id"), doctor, PASSWORD).status);
        Reply approved = call("POST", "/api/prescriptions/" + v2.get("id") + "/approval", token("pharmacist.li"), null);
        assertEquals(approved.text, "APPROVED", approved.get("state"));

        Reply versions = call("GET", "/api/consultations/" + consult + "/prescriptions", doctor, null);
        assertEquals(versions.text, 2, versions.json.size());
        assertEquals("REJECTED", versions.json.get(0).path("state").asText());
        assertEquals("APPROVED", versions.json.get(1).path("state").asText());

        // the same cetirizine again while version 2 is active: a duplicate ingredient
        Reply again = call("POST", "/api/consultations/" + consult + "/prescriptions/check", doctor, draft(2.5));
        assertTrue(again.text, refusedRules(again.json.path("checks")).contains("duplicate-ingredient"));

        String list = shell("pediconsult:prescription-list --state APPROVED");
        assertTrue(list, list.contains(v2.get("id")) && list.contains("valid"));
        // the physician voids it; the guardian still sees nothing but approved ones
        Reply voided = call("POST", "/api/prescriptions/" + v2.get("id") + "/void", doctor,
                Map.of("reason", "家长决定先观察 the family prefers to wait"));
        assertEquals(voided.text, "VOIDED", voided.get("state"));
        assertEquals(0, call("GET", "/api/consultations/" + consult + "/prescriptions", token(GUARDIAN), null).json.size());
    }
}
