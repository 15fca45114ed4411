package org.pediconsult.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.junit.Test;
import org.ops4j.pax.exam.util.Filter;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Accounts (issue 13) against the running distribution: a family signs up with a code read from the
 * development inbox, is verified by the front desk and books; expired, reused and wrong codes; password
 * reset; a second family sees nothing of the first; a physician's login made from the profile must change
 * its temporary password and is refused at once when disabled; the demo people of the issue exist. Runs
 * in the H2 and the PostgreSQL containers.
 */
public abstract class AccountsBehaviour extends ConsultationTestSupport {
    private static final Pattern CODE = Pattern.compile("\\b([0-9]{6})\\b");
    private static final String PASSWORD_OF_NEW_FAMILY = "青青河边草-2026";

    @Inject
    @Filter("(dataSourceName=pediconsult)")
    protected DataSource accountsDataSource;

    /** A mobile number nobody else in this container uses. */
    protected static String newPhone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** A synthetic resident ID number with a right check character (GB 11643). */
    protected static String residentId() {
        String first17 = "110101" + (1980 + ThreadLocalRandom.current().nextInt(20)) + "0101"
                + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * w[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    /** The code of the newest text to this number, read from the development inbox as INTEGRATION_ADMIN. */
    protected static String codeSentTo(String phone) throws Exception {
        Reply inbox = call("GET", "/api/dev-inbox?to=" + phone, token("admin"), null);
        assertEquals(inbox.text, 200, inbox.status);
        assertTrue("a text to " + phone + ": " + inbox.text, inbox.json.size() > 0);
        Matcher m = CODE.matcher(inbox.json.get(0).path("text").asText());
        assertTrue(inbox.text, m.find());
        return m.group(1);
    }

    private static Map<String, Object> signUpBody(String phone, String code) {
        Map<String, Object> body = new HashMap<>();
        body.put("phone", phone);
        body.put("code", code);
        body.put("password", PASSWORD_OF_NEW_FAMILY);
        body.put("familyName", "欧阳");
        body.put("givenName", "晓燕");
        body.put("idType", "RESIDENT_ID");
        body.put("idValue", residentId());
        return body;
    }

    /** Signs up a new guardian through REST and answers the number (the login). */
    protected static String signUp() throws Exception {
        String phone = newPhone();
        Reply sent = call("POST", "/api/signup/code", null, Map.of("phone", phone));
        assertEquals(sent.text, 202, sent.status);
        assertEquals(300, sent.json.path("expiresIn").asInt());
        Reply made = call("POST", "/api/signup", null, signUpBody(phone, codeSentTo(phone)));
        assertEquals(made.text, 201, made.status);
        assertEquals(phone, made.get("username"));
        assertFalse(made.json.path("identityVerified").asBoolean());
        return phone;
    }

    private static String tokenOf(String user, String password) throws Exception {
        Reply r = call("POST", "/api/auth/token", null, Map.of("username", user, "password", password));
        assertEquals(r.text, 200, r.status);
        return r.get("access_token");
    }

    @Test
    public void aNewFamilySignsUpIsVerifiedByTheFrontDeskAndBooks() throws Exception {
        String phone = signUp();
        String guardian = tokenOf("+86 " + phone, PASSWORD_OF_NEW_FAMILY);
        Reply me = call("GET", "/api/guardians/me", guardian, null);
        assertEquals(me.text, "欧阳", me.get("familyName"));

        Reply child = call("POST", "/api/children", guardian, Map.of("familyName", "欧阳", "givenName", "小乐", "sex", "MALE",
                "birthDate", "2022-09-09", "relationship", "MOTHER"));
        assertEquals(child.text, 201, child.status);
        String childId = child.get("id");
        Reply assessed = call("POST", "/api/assessments", guardian,
                Map.of("childId", childId, "specialtyId", SPECIALTY, "answers", mildAnswers()));
        assertEquals("an unverified guardian may fill in the assessment: " + assessed.text, 201, assessed.status);
        String consultation = assessed.get("id");
        Reply early = call("POST", "/api/consultations/" + consultation + "/booking", guardian,
                Map.of("slotId", slot(physicianId("dr.wang"), uniqueFutureTime())));
        assertEquals(early.text, 422, early.status);
        assertEquals(early.text, "guardian-identity-verified", early.get("code"));

        String desk = token("frontdesk.zhou");
        Reply queue = call("GET", "/api/verifications", desk, null);
        assertEquals(queue.text, 200, queue.status);
        String guardianId = me.get("id");
        assertTrue("the new guardian waits in the queue: " + queue.text, queue.text.contains(guardianId));
        assertTrue("with the document's details", queue.text.contains("RESIDENT_ID"));
        JsonNode pending = null;
        for (JsonNode p : queue.json.path("relationships")) {
            if (childId.equals(p.path("child").path("id").asText())) {
                pending = p;
            }
        }
        assertNotNull("the relationship waits too: " + queue.text, pending);
        assertEquals("MOTHER", pending.path("relationship").path("relationship").asText());
        assertEquals("小乐", pending.path("child").path("givenName").asText());

        Reply refused = call("POST", "/api/guardians/" + guardianId + "/verification", desk,
                Map.of("decision", "REFUSED", "reason", "身份证照片模糊 / the ID card photo is unreadable"));
        assertEquals(refused.text, 200, refused.status);
        assertTrue(refused.text, refused.text.contains("unreadable"));
        JsonNode refusedInQueue = null;
        for (JsonNode waiting : call("GET", "/api/verifications", desk, null).json.path("identities")) {
            if (guardianId.equals(waiting.path("id").asText())) {
                refusedInQueue = waiting;
            }
        }
        assertNotNull("a refused identity stays in the queue, for when the family brings the document", refusedInQueue);
        assertTrue(refusedInQueue.toString(), refusedInQueue.path("refusedReason").asText().contains("unreadable"));
        Reply seen = call("GET", "/api/guardians/me", guardian, null);
        assertTrue("the guardian sees why: " + seen.text, seen.text.contains("unreadable"));
        Reply corrected = call("PUT", "/api/guardians/me/id-document", guardian, Map.of("idType", "PASSPORT", "idValue", "E12345678"));
        assertEquals(corrected.text, 200, corrected.status);
        assertFalse("the correction clears the refusal: " + corrected.text, corrected.text.contains("refusedReason"));
        assertEquals("PASSPORT", corrected.get("idType"));
        assertEquals(200, call("POST", "/api/guardians/" + guardianId + "/verification", desk,
                Map.of("method", "ID_CARD_AT_DESK")).status);
        Reply stillNot = call("POST", "/api/consultations/" + consultation + "/booking", guardian,
                Map.of("slotId", slot(physicianId("dr.wang"), uniqueFutureTime())));
        assertEquals(stillNot.text, "guardian-relationship-verified", stillNot.get("code"));
        Reply linked = call("POST", "/api/children/" + childId + "/guardianship-verification", desk,
                Map.of("guardianId", guardianId, "method", "BIRTH_CERTIFICATE"));
        assertEquals(linked.text, 200, linked.status);

        Reply booked = call("POST", "/api/consultations/" + consultation + "/booking", guardian,
                Map.of("slotId", slot(physicianId("dr.zhang"), uniqueFutureTime())));
        assertEquals(booked.text, 200, booked.status);
        assertEquals("SCHEDULED", booked.get("state"));

        Reply trail = call("GET", "/api/audit/records?actor=frontdesk.zhou&limit=50", token("auditor.chen"), null);
        assertEquals(trail.text, 200, trail.status);
        assertTrue("refusal audited: " + trail.text, trail.text.contains("identity refused"));
        assertTrue("verification audited: " + trail.text, trail.text.contains("identity verified by ID_CARD_AT_DESK"));
        assertTrue("relationship audited: " + trail.text, trail.text.contains("relationship verified by BIRTH_CERTIFICATE"));
        assertTrue("the queue read names the child: " + trail.text, trail.text.contains(childId));
    }

    @Test
    public void codesExpireAreGoodOnceAndDieAfterFiveWrongTries() throws Exception {
        // wrong five times: the right code is refused afterwards
        String phone = newPhone();
        assertEquals(202, call("POST", "/api/signup/code", null, Map.of("phone", phone)).status);
        String code = codeSentTo(phone);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            Reply r = call("POST", "/api/signup", null, signUpBody(phone, wrong));
            assertEquals(r.text, 400, r.status);
            assertEquals(r.text, "code_wrong", r.get("code"));
        }
        Reply dead = call("POST", "/api/signup", null, signUpBody(phone, code));
        assertEquals(dead.text, "code_invalid", dead.get("code"));
        assertEquals("nothing was made", 401, login(phone, PASSWORD_OF_NEW_FAMILY).statusCode());

        // expired: the code's expiry moved into the past, as five minutes would
        assertEquals(202, call("POST", "/api/signup/code", null, Map.of("phone", phone)).status);
        String second = codeSentTo(phone);
        try (Connection c = accountsDataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE platform_one_time_code SET expires_at = ? WHERE subject = ?")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now().minusSeconds(1)));
            ps.setString(2, phone);
            assertEquals(1, ps.executeUpdate());
        }
        Reply expired = call("POST", "/api/signup", null, signUpBody(phone, second));
        assertEquals(expired.text, "code_expired", expired.get("code"));

        // good once
        assertEquals(202, call("POST", "/api/signup/code", null, Map.of("phone", phone)).status);
        String third = codeSentTo(phone);
        assertEquals(201, call("POST", "/api/signup", null, signUpBody(phone, third)).status);
        Reply again = call("POST", "/api/signup", null, signUpBody(phone, third));
        assertEquals(again.text, 400, again.status);
        assertEquals(again.text, "code_invalid", again.get("code"));
        // a number that has an account: the same answer, and a text saying so instead of a code
        Reply taken = call("POST", "/api/signup/code", null, Map.of("phone", phone));
        assertEquals(taken.text, 202, taken.status);
        Reply inbox = call("GET", "/api/dev-inbox?to=" + phone, token("admin"), null);
        assertTrue(inbox.text, inbox.json.get(0).path("text").asText().contains("already has a PediConsult account"));

        // bad input: readable 400s naming the field, nothing made
        Map<String, Object> badId = signUpBody(newPhone(), "123456");
        badId.put("idValue", "110101199001011234");
        Reply checkDigit = call("POST", "/api/signup", null, badId);
        assertEquals(checkDigit.text, "idValue", checkDigit.json.path("errors").path(0).path("field").asText(
                checkDigit.get("field")));
        assertEquals(400, call("POST", "/api/signup/code", null, Map.of("phone", "12345")).status);
    }

    @Test
    public void aForgottenPasswordIsResetWithACodeAndTheOldTokensStop() throws Exception {
        String phone = signUp();
        String before = tokenOf(phone, PASSWORD_OF_NEW_FAMILY);
        Reply unknown = call("POST", "/api/auth/password-reset/code", null, Map.of("phone", newPhone()));
        assertEquals("the same answer for a number nobody has: " + unknown.text, 202, unknown.status);
        assertEquals(202, call("POST", "/api/auth/password-reset/code", null, Map.of("phone", phone)).status);
        Reply reset = call("POST", "/api/auth/password-reset", null,
                Map.of("phone", phone, "code", codeSentTo(phone), "newPassword", "白日依山尽-黄河入海流"));
        assertEquals(reset.text, 204, reset.status);
        assertEquals(401, call("GET", "/api/guardians/me", before, null).status);
        assertEquals(401, login(phone, PASSWORD_OF_NEW_FAMILY).statusCode());
        assertEquals(200, call("GET", "/api/guardians/me", tokenOf(phone, "白日依山尽-黄河入海流"), null).status);
    }

    @Test
    public void theSecondDemoFamilySeesNothingOfTheFirst() throws Exception {
        String li = token("guardian.li");
        Reply children = call("GET", "/api/children", li, null);
        assertEquals(children.text, 1, children.json.size());
        assertEquals("小雨", children.json.get(0).path("givenName").asText());
        String tangsChild = demoChild(token("guardian.tang"));
        assertEquals(404, call("GET", "/api/children/" + tangsChild, li, null).status);
        assertEquals(404, call("GET", "/api/children/" + tangsChild + "/observations", li, null).status);
        String tangsConsult = assess(token("guardian.tang"), mildAnswers()).get("id");
        assertEquals(404, call("GET", "/api/consultations/" + tangsConsult, li, null).status);
        assertFalse(call("GET", "/api/consultations", li, null).text.contains(tangsConsult));
        assertEquals(404, call("GET", "/api/growth/chart?child=" + tangsChild + "&indicator=weight-for-age", li, null).status);
    }

    @Test
    public void aPhysiciansLoginFollowsTheProfileMustChangeItsPasswordAndIsRefusedAtOnceWhenDisabled() throws Exception {
        String admin = token("admin");
        String username = "dr.test" + ThreadLocalRandom.current().nextInt(1_000_000);
        Reply physician = call("POST", "/api/physicians", admin, Map.of("username", username, "familyName", "何",
                "givenName", "医生", "licenceNumber", "LIC-" + username, "practiceSince", "2016-01-01",
                "institution", "PILOT-HOSPITAL-1", "specialties", List.of(SPECIALTY), "whitelisted", true));
        assertEquals(physician.text, 201, physician.status);
        Reply account = call("POST", "/api/physicians/" + physician.get("id") + "/account", admin, Map.of());
        assertEquals(account.text, 201, account.status);
        String temporary = account.get("temporaryPassword");
        assertEquals(12, temporary.length());

        Reply first = call("POST", "/api/auth/token", null, Map.of("username", username, "password", temporary));
        assertTrue(first.text, first.json.path("password_change_required").asBoolean());
        Reply blocked = call("GET", "/api/consultations", first.get("access_token"), null);
        assertEquals(blocked.text, 403, blocked.status);
        assertEquals("password_change_required", blocked.get("code"));
        Reply changed = call("POST", "/api/auth/password", first.get("access_token"),
                Map.of("currentPassword", temporary, "newPassword", "春眠不觉晓-处处闻啼鸟"));
        assertEquals(changed.text, 200, changed.status);
        String doctor = changed.get("access_token");
        assertEquals(200, call("GET", "/api/consultations", doctor, null).status);
        Reply slots = call("POST", "/api/physicians/" + physician.get("id") + "/slots", doctor,
                List.of(Map.of("startsAt", uniqueFutureTime().toString(), "minutes", 30)));
        assertEquals("the login is the profile's physician: " + slots.text, 201, slots.status);

        Reply disabled = call("POST", "/api/accounts/" + username + "/disable", admin, Map.of("reason", "离职 left the hospital"));
        assertEquals(disabled.text, 200, disabled.status);
        assertEquals("refused at once", 401, call("GET", "/api/consultations", doctor, null).status);
        Reply again = call("POST", "/api/auth/token", null, Map.of("username", username, "password", "春眠不觉晓-处处闻啼鸟"));
        assertEquals(again.text, 403, again.status);
        assertEquals("account_disabled", again.get("code"));
    }

    @Test
    public void staffAccountsAreMadeByTheAdministratorAndListedInTheShell() throws Exception {
        String admin = token("admin");
        String login = "pharmacist.t" + ThreadLocalRandom.current().nextInt(1_000_000);
        Reply made = call("POST", "/api/accounts", admin, Map.of("username", login, "displayName", "吴芳",
                "roles", List.of("PHARMACIST")));
        assertEquals(made.text, 201, made.status);
        Reply guardianRole = call("POST", "/api/accounts", admin, Map.of("username", login + "x", "displayName", "某人",
                "roles", List.of("GUARDIAN")));
        assertEquals(guardianRole.text, 400, guardianRole.status);
        assertEquals(403, call("POST", "/api/accounts", token("auditor.chen"), Map.of("username", "x1", "displayName", "x",
                "roles", List.of("AUDITOR"))).status);
        assertEquals(403, call("GET", "/api/dev-inbox", token("frontdesk.zhou"), null).status);
        String created = shell("pediconsult:account-add --phone 13912345678 courier.t" + login.substring(12) + " 钱力 COURIER");
        Matcher temp = Pattern.compile("temporary password \\(shown once[^:]*: (\\S+)").matcher(created);
        assertTrue(created, temp.find());
        Reply first = call("POST", "/api/auth/token", null, Map.of("username", "courier.t" + login.substring(12),
                "password", temp.group(1)));
        assertTrue(first.text, first.json.path("password_change_required").asBoolean());

        String doctor = "dr.shell" + ThreadLocalRandom.current().nextInt(1_000_000);
        assertEquals(201, call("POST", "/api/physicians", admin, Map.of("username", doctor, "familyName", "孔",
                "givenName", "医生", "licenceNumber", "LIC-" + doctor, "practiceSince", "2015-01-01",
                "institution", "PILOT-HOSPITAL-1", "specialties", List.of(SPECIALTY), "whitelisted", true)).status);
        String physicianLogin = shell("pediconsult:physician-account " + doctor);
        assertTrue(physicianLogin, physicianLogin.contains("login " + doctor + " created"));
        assertTrue(physicianLogin, physicianLogin.contains("temporary password"));

        String listed = shell("pediconsult:account-list --staff --limit 500");
        assertTrue(listed, listed.contains(login));
        assertTrue(listed, listed.contains("temporary password"));
        assertTrue(listed, listed.contains("frontdesk.zhou"));
        for (String demo : List.of("dr.wang", "dr.zhang", "guardian.tang", "guardian.li", "pharmacist.li", "courier.zhao",
                "auditor.chen", "frontdesk.zhou", "billing.sun")) {
            assertEquals(demo, 200, login(demo, PASSWORD).statusCode());
        }
    }
}
