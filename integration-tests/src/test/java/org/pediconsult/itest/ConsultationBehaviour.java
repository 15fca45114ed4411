package org.pediconsult.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.Test;
import org.osgi.framework.ServiceRegistration;
import org.pediconsult.consultation.api.GuardianPresence;
import org.pediconsult.platform.api.Ids;
import org.pediconsult.platform.api.event.DomainEvent;
import org.pediconsult.platform.api.event.EventListener;

/**
 * The consultation bundle through its REST API, on the assembled distribution. A link in the chain of
 * behaviours {@link DistributionH2IT} and {@link DistributionPostgresIT} run in one container each.
 */
public abstract class ConsultationBehaviour extends PlatformBehaviour {

    @Inject
    protected GuardianPresence presence;

    private ServiceRegistration<EventListener> listen(List<DomainEvent> into, String... events) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(EventListener.CONSUMER, "itest-" + Ids.newId().substring(0, 8));
        List<String> topics = new ArrayList<>();
        for (String e : events) {
            topics.add("pediconsult.consultation." + e);
        }
        props.put(EventListener.TOPICS, topics.toArray(new String[0]));
        return bundleContext.registerService(EventListener.class, (event, tx) -> into.add(event), props);
    }

    private static List<DomainEvent> of(List<DomainEvent> events, String consultationId, String type) {
        List<DomainEvent> out = new ArrayList<>();
        for (DomainEvent e : events) {
            if (consultationId.equals(e.aggregateId()) && type.equals(e.type())) {
                out.add(e);
            }
        }
        return out;
    }

    @Test
    public void specialtiesAreListedLiveWithTheirQuestionnaire() throws Exception {
        String g = token("guardian.tang");
        Reply list = call("GET", "/api/specialties", g, null);
        assertTrue(list.text, list.text.contains("\"id\":\"" + SPECIALTY + "\""));
        Reply one = call("GET", "/api/specialties/" + SPECIALTY, g, null);
        assertEquals(200, one.status);
        assertEquals("rashDays", one.json.path("questionnaire").path("questions").get(2).path("id").asText());
        assertEquals("过敏（测试）", one.json.path("name").path("zh").asText());
        assertEquals(404, call("GET", "/api/specialties/no-such-specialty", g, null).status);
        String printed = shell("pediconsult:specialty-list");
        assertTrue(printed, printed.contains(SPECIALTY));

        withoutTestSpecialty(() -> {
            try {
                assertFalse(call("GET", "/api/specialties", g, null).text.contains(SPECIALTY));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertTrue(call("GET", "/api/specialties", g, null).text.contains(SPECIALTY));
    }

    @Test
    public void thePhysiciansQueueIsPagedOnTheServerWithNameAndTriageInEachRow() throws Exception {
        String g = token("guardian.tang");
        String d = token("dr.wang");
        String id = assess(g, mildAnswers()).get("id");
        Reply booked = call("POST", "/api/consultations/" + id + "/booking", g,
                Map.of("slotId", slot(physicianId("dr.wang"), uniqueFutureTime())));
        assertEquals(booked.text, 200, booked.status);

        Reply all = call("GET", "/api/consultations/queue?group=UPCOMING&limit=100", d, null);
        assertEquals(all.text, 200, all.status);
        int total = all.json.path("total").asInt();
        assertTrue(all.text, total >= 1);
        JsonNode mine = null;
        java.util.List<String> order = new java.util.ArrayList<>();
        for (JsonNode row : all.json.path("items")) {
            order.add(row.path("scheduledAt").asText());
            if (id.equals(row.path("id").asText())) {
                mine = row;
            }
        }
        assertTrue("the booked consultation is in the upcoming group: " + all.text, mine != null);
        assertEquals("唐", mine.path("childFamilyName").asText());
        assertEquals("小明", mine.path("childGivenName").asText());
        assertEquals("REMOTE_OK", mine.path("triageLevel").asText());
        assertEquals("SCHEDULED", mine.path("state").asText());
        java.util.List<String> sorted = new java.util.ArrayList<>(order);
        java.util.Collections.sort(sorted);
        assertEquals("upcoming in time order", sorted, order);

        Reply first = call("GET", "/api/consultations/queue?group=UPCOMING&limit=1", d, null);
        Reply second = call("GET", "/api/consultations/queue?group=UPCOMING&offset=1&limit=1", d, null);
        assertEquals(1, first.json.path("items").size());
        assertEquals(total, first.json.path("total").asInt());
        if (total > 1) {
            assertEquals(order.get(1), second.json.path("items").get(0).path("scheduledAt").asText());
        }
        assertEquals(403, call("GET", "/api/consultations/queue", g, null).status);
        assertEquals(400, call("GET", "/api/consultations/queue?group=ALL", d, null).status);
        assertEquals(400, call("GET", "/api/consultations/queue?limit=1000", d, null).status);
        assertEquals(400, call("GET", "/api/consultations/queue?offset=-1", d, null).status);
        // the consultation page's history: the child's consultations only, after the child's object check
        String child = demoChild(g);
        Reply history = call("GET", "/api/consultations?child=" + child, d, null);
        assertEquals(history.text, 200, history.status);
        assertTrue(history.text, history.text.contains(id));
        for (JsonNode k : history.json) {
            assertEquals(child, k.path("childId").asText());
        }
        assertEquals(404, call("GET", "/api/consultations?child=" + child, token("guardian.liu"), null).status);
        Reply other = call("GET", "/api/consultations/queue?group=UPCOMING&limit=100", token("dr.zhang"), null);
        assertEquals(other.text, 200, other.status);
        assertFalse("another physician's queue does not list it", other.text.contains(id));
    }

    @Test
    public void happyPathFromAssessmentToCompletionAndFollowUp() throws Exception {
        List<DomainEvent> events = new CopyOnWriteArrayList<>();
        ServiceRegistration<EventListener> reg = listen(events, "registered", "booked", "started", "completed");
        try {
            String g = token("guardian.tang");
            String d = token("dr.wang");
            Reply assessed = assess(g, mildAnswers());
            assertEquals(assessed.text, 201, assessed.status);
            assertEquals("ASSESSED", assessed.get("state"));
            assertEquals("REMOTE_OK", assessed.json.path("triage").path("level").asText());
            String id = assessed.get("id");

            String slot = slot(physicianId("dr.wang"), uniqueFutureTime());
            Reply booked = call("POST", "/api/consultations/" + id + "/booking", g, Map.of("slotId", slot));
            assertEquals(booked.text, "SCHEDULED", booked.get("state"));
            assertEquals(physicianId("dr.wang"), booked.get("physicianId"));
            assertEquals("WAITING", call("POST", "/api/consultations/" + id + "/waiting-room", g, null).get("state"));
            Reply started = call("POST", "/api/consultations/" + id + "/admission", d, null);
            assertEquals(started.text, "IN_PROGRESS", started.get("state"));
            assertEquals("dr.wang", started.get("guardianAttestedBy"));
            Reply done = call("POST", "/api/consultations/" + id + "/completion", d,
                    Map.of("diagnosis", "荨麻疹 urticaria", "plan", "西替利嗪滴剂，一周后复诊"));
            assertEquals(done.text, "COMPLETED", done.get("state"));

            Reply seen = call("GET", "/api/consultations/" + id, g, null);
            assertEquals("COMPLETED", seen.get("state"));
            assertEquals("荨麻疹 urticaria", seen.get("diagnosis"));
            assertTrue(call("GET", "/api/consultations", d, null).text.contains(id));

            Reply followUp = call("POST", "/api/consultations/" + id + "/follow-ups", g, null);
            assertEquals(followUp.text, 201, followUp.status);
            assertEquals("FOLLOW_UP", followUp.get("kind"));
            assertEquals(id, followUp.get("previousId"));

            await().atMost(Duration.ofSeconds(20)).until(() -> of(events, id, "consultation.completed").size() == 1);
            assertEquals(1, of(events, id, "consultation.registered").size());
            assertEquals(1, of(events, id, "consultation.booked").size());
            assertEquals(1, of(events, id, "consultation.started").size());
            assertTrue(of(events, id, "consultation.booked").get(0).dataJson().contains("\"slotId\":\"" + slot + "\""));
            assertTrue(audit.verify().toString(), audit.verify().intact());
            assertTrue(shell("pediconsult:consult-list").contains(id));
        } finally {
            reg.unregister();
        }
    }

    @Test
    public void physicianTwoYears364DaysIntoPracticeIsRefusedAndThreeYearsAccepted() throws Exception {
        String admin = token("admin");
        String g = token("guardian.tang");
        Instant at = uniqueFutureTime();
        String licence = Ids.newId().substring(0, 12);
        Map<String, Object> junior = new HashMap<>(Map.of("username", "dr.junior-" + licence, "familyName", "李",
                "givenName", "新", "licenceNumber", "J" + licence, "practiceSince",
                pilotDay(at).minusYears(3).plusDays(1).toString(), "institution", "PILOT-CHILDRENS-HOSPITAL-1",
                "specialties", List.of(SPECIALTY), "whitelisted", true));
        Reply created = call("POST", "/api/physicians", admin, junior);
        assertEquals(created.text, 201, created.status);
        String id = assess(g, mildAnswers()).get("id");
        String juniorSlot = slot(created.get("id"), at);
        Reply refused = call("POST", "/api/consultations/" + id + "/booking", g, Map.of("slotId", juniorSlot));
        assertEquals(refused.text, 422, refused.status);
        assertEquals("independent-practice-3-years", refused.get("code"));
        assertTrue(refused.text, refused.get("detail").contains("3 full years"));
        assertEquals("ASSESSED", call("GET", "/api/consultations/" + id, g, null).get("state"));

        Map<String, Object> senior = new HashMap<>(junior);
        senior.put("username", "dr.senior-" + licence);
        senior.put("licenceNumber", "S" + licence);
        senior.put("practiceSince", pilotDay(at).minusYears(3).toString());
        Reply exactlyThree = call("POST", "/api/physicians", admin, senior);
        Reply booked = call("POST", "/api/consultations/" + id + "/booking", g,
                Map.of("slotId", slot(exactlyThree.get("id"), at)));
        assertEquals(booked.text, "SCHEDULED", booked.get("state"));
    }

    @Test
    public void noGuardianInTheWaitingRoomNoStart() throws Exception {
        String g = token("guardian.tang");
        String d = token("dr.wang");
        String id = assess(g, mildAnswers()).get("id");
        call("POST", "/api/consultations/" + id + "/booking", g, Map.of("slotId", slot(physicianId("dr.wang"), uniqueFutureTime())));
        Reply refused = call("POST", "/api/consultations/" + id + "/admission", d, null);
        assertEquals(refused.text, 422, refused.status);
        assertEquals("guardian-admitted", refused.get("code"));
        assertEquals("SCHEDULED", call("GET", "/api/consultations/" + id, g, null).get("state"));
    }

    @Test
    public void guardianLeavingPausesTheConsultUntilBack() throws Exception {
        String g = token("guardian.tang");
        String d = token("dr.wang");
        String id = consultInProgress(g, d);
        presence.guardianLeft(id, "video:itest");
        assertEquals("PAUSED", call("GET", "/api/consultations/" + id, d, null).get("state"));
        Reply blocked = call("POST", "/api/consultations/" + id + "/completion", d, Map.of("diagnosis", "x", "plan", "y"));
        assertEquals(blocked.text, 409, blocked.status);
        assertTrue(blocked.text, blocked.get("detail").contains("PAUSED"));
        Reply back = call("POST", "/api/consultations/" + id + "/guardian-presence", g, Map.of("present", true));
        assertEquals(back.text, "IN_PROGRESS", back.get("state"));
        assertEquals("COMPLETED", call("POST", "/api/consultations/" + id + "/completion", d,
                Map.of("diagnosis", "湿疹 eczema", "plan", "保湿")).get("state"));
    }

    @Test
    public void endAndReferClosesTheConsultAndTellsTheOtherBundles() throws Exception {
        List<DomainEvent> events = new CopyOnWriteArrayList<>();
        ServiceRegistration<EventListener> reg = listen(events, "referred");
        try {
            String g = token("guardian.tang");
            String d = token("dr.wang");
            String id = consultInProgress(g, d);
            Reply missing = call("POST", "/api/consultations/" + id + "/end-and-refer", d, Map.of("reason", "需要皮肤活检"));
            assertEquals(400, missing.status);
            assertEquals("facility", missing.get("field"));
            Reply referred = call("POST", "/api/consultations/" + id + "/end-and-refer", d,
                    Map.of("reason", "需要皮肤活检 skin biopsy needed", "facility", "儿童医院皮肤科门诊 Children's Hospital dermatology clinic"));
            assertEquals(referred.text, "REFERRED", referred.get("state"));
            assertEquals("儿童医院皮肤科门诊 Children's Hospital dermatology clinic", referred.get("referralFacility"));
            await().atMost(Duration.ofSeconds(20)).until(() -> of(events, id, "consultation.referred").size() == 1);
            var data = JSON.readTree(of(events, id, "consultation.referred").get(0).dataJson());
            assertEquals("SESSION", data.path("referredFrom").asText());
            assertEquals("IN_PROGRESS", data.path("fromState").asText());
            assertTrue(data.path("voidPrescriptions").asBoolean());
            assertEquals("ENDED_AND_REFERRED", data.path("billing").asText());
            assertEquals("需要皮肤活检 skin biopsy needed", data.path("referralReason").asText());
            assertEquals(409, call("POST", "/api/consultations/" + id + "/completion", d,
                    Map.of("diagnosis", "x", "plan", "y")).status);
        } finally {
            reg.unregister();
        }
    }

    @Test
    public void emergencyTriageStopsTheOnlinePath() throws Exception {
        String g = token("guardian.tang");
        Reply emergency = assess(g, Map.of("fever", true, "temperatureC", 40.5, "rashDays", 1));
        assertEquals(emergency.text, 201, emergency.status);
        assertEquals("REFERRED", emergency.get("state"));
        assertEquals("EMERGENCY", emergency.json.path("triage").path("level").asText());
        assertEquals("高热 ≥ 40 °C", emergency.json.path("triage").path("reasons").get(0).path("zh").asText());
        assertTrue(emergency.get("referralFacility").contains("emergency"));
        Reply book = call("POST", "/api/consultations/" + emergency.get("id") + "/booking", g,
                Map.of("slotId", slot(physicianId("dr.wang"), uniqueFutureTime())));
        assertEquals(book.text, 409, book.status);
        assertTrue(book.text, book.get("detail").contains("REFERRED"));

        Reply inPerson = assess(g, Map.of("fever", false, "rashDays", 2, "symptoms", List.of("WHEEZE")));
        assertEquals("REFERRED", inPerson.get("state"));
        assertEquals("IN_PERSON", inPerson.json.path("triage").path("level").asText());
    }

    @Test
    public void fiftyConcurrentBookingsOfOneSlotHaveExactlyOneWinner() throws Exception {
        String g = token("guardian.tang");
        List<String> consults = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            consults.add(assess(g, mildAnswers()).get("id"));
        }
        String slot = slot(physicianId("dr.wang"), uniqueFutureTime());
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (String id : consults) {
                Callable<Reply> book = () -> {
                    start.await();
                    return call("POST", "/api/consultations/" + id + "/booking", g, Map.of("slotId", slot));
                };
                replies.add(pool.submit(book));
            }
            start.countDown();
            int won = 0;
            int taken = 0;
            for (Future<Reply> f : replies) {
                Reply r = f.get();
                if (r.status == 200) {
                    won++;
                } else if (r.status == 409 && "slot_taken".equals(r.get("code"))) {
                    taken++;
                } else {
                    throw new AssertionError("unexpected answer " + r);
                }
            }
            assertEquals(1, won);
            assertEquals(49, taken);
        } finally {
            pool.shutdownNow();
        }
        int scheduled = 0;
        for (String id : consults) {
            if ("SCHEDULED".equals(call("GET", "/api/consultations/" + id, g, null).get("state"))) {
                scheduled++;
            }
        }
        assertEquals("the losers left nothing half-written", 1, scheduled);
    }

    @Test
    public void aGuardianCannotSeeAnotherFamily() throws Exception {
        String liu = token("guardian.liu");
        Reply profile = call("POST", "/api/guardians", liu, Map.of("familyName", "刘", "givenName", "芳"));
        assertTrue(profile.text, profile.status == 201 || "guardian_exists".equals(profile.get("code")));
        Reply child = call("POST", "/api/children", liu, Map.of("familyName", "刘", "givenName", "小雨", "sex", "FEMALE",
                "birthDate", "2021-06-01", "relationship", "MOTHER"));
        assertEquals(child.text, 201, child.status);
        String liuChild = child.get("id");
        Reply liuConsult = call("POST", "/api/assessments", liu,
                Map.of("childId", liuChild, "specialtyId", SPECIALTY, "answers", mildAnswers()));
        assertEquals(liuConsult.text, 201, liuConsult.status);

        String tang = token("guardian.tang");
        assertEquals(404, call("GET", "/api/children/" + liuChild, tang, null).status);
        assertFalse(call("GET", "/api/children", tang, null).text.contains(liuChild));
        assertEquals(404, call("GET", "/api/consultations/" + liuConsult.get("id"), tang, null).status);
        assertEquals(404, call("POST", "/api/consultations/" + liuConsult.get("id") + "/cancellation", tang, null).status);
        Reply assessOther = call("POST", "/api/assessments", tang,
                Map.of("childId", liuChild, "specialtyId", SPECIALTY, "answers", mildAnswers()));
        assertEquals(assessOther.text, 404, assessOther.status);
        assertEquals(403, call("POST", "/api/physicians", tang, Map.of("username", "x")).status);
    }

    @Test
    public void badAnswersAndBadTransitionsAreNamed() throws Exception {
        String g = token("guardian.tang");
        Reply bad = assess(g, Map.of("rashDays", "three", "temperatureC", 50, "colour", "red"));
        assertEquals(bad.text, 400, bad.status);
        assertEquals("invalid_answers", bad.get("code"));
        List<String> fields = new ArrayList<>();
        bad.json.path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertTrue(fields.toString(), fields.containsAll(List.of("answers.colour", "answers.fever",
                "answers.temperatureC", "answers.rashDays")));
        assertEquals(4, fields.size());

        Reply unknown = call("POST", "/api/assessments", g,
                Map.of("childId", demoChild(g), "specialtyId", "no-such-specialty", "answers", Map.of()));
        assertEquals(404, unknown.status);
        assertEquals("unknown_specialty", unknown.get("code"));

        String id = assess(g, mildAnswers()).get("id");
        Reply early = call("POST", "/api/consultations/" + id + "/completion", token("dr.wang"),
                Map.of("diagnosis", "x", "plan", "y"));
        assertEquals(early.text, 404, early.status); // not yet booked with dr.wang: not his consult
        Reply tooEarly = call("POST", "/api/consultations/" + id + "/waiting-room", g, null);
        assertEquals(tooEarly.text, 409, tooEarly.status);
        assertTrue(tooEarly.text, tooEarly.get("detail").contains("ASSESSED"));
    }

    @Test
    public void consultsOfARemovedSpecialtyStayReadableButFrozen() throws Exception {
        String g = token("guardian.tang");
        String id = assess(g, mildAnswers()).get("id");
        String slot = slot(physicianId("dr.wang"), uniqueFutureTime());
        withoutTestSpecialty(() -> {
            try {
                Reply read = call("GET", "/api/consultations/" + id, g, null);
                assertEquals(read.text, 200, read.status);
                assertFalse(read.json.path("specialtyAvailable").asBoolean());
                Reply frozen = call("POST", "/api/consultations/" + id + "/booking", g, Map.of("slotId", slot));
                assertEquals(frozen.text, 409, frozen.status);
                assertEquals("specialty_unavailable", frozen.get("code"));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertEquals("SCHEDULED", call("POST", "/api/consultations/" + id + "/booking", g, Map.of("slotId", slot)).get("state"));
    }
}
