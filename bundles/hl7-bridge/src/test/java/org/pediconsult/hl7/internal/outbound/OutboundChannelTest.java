package org.pediconsult.hl7.internal.outbound;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import ca.uhn.hl7v2.model.v251.message.ADT_A01;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.pediconsult.hl7.internal.common.Hl7Fixtures;
import org.pediconsult.platform.api.audit.AuditTrail;
import org.pediconsult.platform.api.event.DomainEvent;

/** The outbound channel against a real MLLP receiver socket that goes down, NAKs and stays silent; H2 as the queue. */
class OutboundChannelTest {
    private JdbcDataSource db;
    private TestReceiver his;
    private OutboundChannel channel;
    private int port;
    private final Map<String, Object> settings = new HashMap<>();
    private final RecordingOutbox outbox = new RecordingOutbox();
    /** The domain events queued, in order (their ids are in the acknowledged events). */
    private final List<DomainEvent> queued = new ArrayList<>();
    private int events;

    @BeforeEach
    void setUp() throws Exception {
        db = Hl7Fixtures.h2();
        port = Hl7Fixtures.freePort();
        his = new TestReceiver(port);
        settings.put("name", "his-out");
        settings.put("host", "127.0.0.1");
        settings.put("port", port);
        settings.put("settle_millis", 0);
        settings.put("retry_initial_seconds", 0.2);
        settings.put("retry_multiplier", 2.0);
        settings.put("retry_max_seconds", 0.8);
        // generous: an ACK that comes late on a slow machine must not be taken for a silent receiver
        // (it would be resent and counted twice); the ACK timeout test sets its own
        settings.put("ack_timeout_seconds", 30);
        settings.put("connect_timeout_seconds", 10);
        settings.put("max_attempts", 3);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (channel != null) {
            channel.stop();
        }
        his.close();
    }

    private void startChannel() throws Exception {
        BundleContext context = mock(BundleContext.class);
        when(context.getBundle()).thenReturn(mock(Bundle.class));
        channel = new OutboundChannel(db, (bundle, module) -> 0, Clock.systemUTC(), mock(AuditTrail.class), outbox,
                config(settings), context);
    }

    private static OutboundChannelConfig config(Map<String, Object> values) {
        return Hl7Fixtures.config(OutboundChannelConfig.class, values);
    }

    /** Queues one ADT^A04 for the patient, as the router does inside an event's transaction. */
    private void queue(String patient) throws Exception {
        events++;
        DomainEvent event = new DomainEvent(UUID.randomUUID().toString(), "consultation", "registered", 1,
                Instant.now(), "k-" + events, "{}");
        queued.add(event);
        ADT_A01 adt = new ADT_A01();
        adt.initQuickstart("ADT", "A04", "P");
        adt.getPID().getPatientIdentifierList(0).getIDNumber().setValue(patient);
        adt.getPID().getPatientName(0).getFamilyName().getSurname().setValue("唐");
        adt.getPID().getPatientName(0).getGivenName().setValue("小明" + events);
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            assertTrue(channel.enqueue(c, event, 1, patient, adt));
            assertFalse(channel.enqueue(c, event, 1, patient, adt), "the same event's message is queued once");
            c.commit();
        }
        channel.wake();
    }

    private Map<String, String> outcomesByControlId() throws Exception {
        Map<String, String> m = new LinkedHashMap<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT control_id, outcome FROM hl7_message WHERE direction = 'OUT' ORDER BY id")) {
            while (rs.next()) {
                m.put(rs.getString(1), rs.getString(2));
            }
        }
        return m;
    }

    private List<String> controlIds() throws Exception {
        return new ArrayList<>(outcomesByControlId().keySet());
    }

    private String errorOf(String controlId) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT error FROM hl7_message WHERE control_id = '" + controlId + "'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private List<String> receivedFor(String patient) {
        return his.received.stream().filter(r -> r.patient().equals(patient)).map(TestReceiver.Received::controlId)
                .collect(Collectors.toList());
    }

    @Test
    void receiverDownForAWhileThenBackGetsEverythingOnceInOrderPerPatient() throws Exception {
        startChannel();
        for (int i = 0; i < 4; i++) {
            for (String p : List.of("P1", "P2", "P3")) {
                queue(p);
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "RETRYING".equals(channel.state())
                && String.valueOf(errorOf(controlIds().get(0))).contains("unreachable"));
        assertEquals(0, his.received.size());
        assertTrue(outcomesByControlId().values().stream().allMatch("QUEUED"::equals));
        assertTrue(errorOf(controlIds().get(0)).contains("unreachable"), errorOf(controlIds().get(0)));
        // (the state is not asserted again here: between retries it is SENDING for a moment)

        his.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> outcomesByControlId().values().stream().allMatch("SENT"::equals));
        List<String> ids = controlIds();
        assertEquals(12, his.received.size(), "each message delivered once: " + his.received);
        for (String p : List.of("P1", "P2", "P3")) {
            List<String> sentInQueueOrder = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                if (i % 3 == List.of("P1", "P2", "P3").indexOf(p)) {
                    sentInQueueOrder.add(ids.get(i));
                }
            }
            assertEquals(sentInQueueOrder, receivedFor(p), "patient " + p + " in order");
        }
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT o.attempts, m.error FROM hl7_outbound o JOIN hl7_message m "
                     + "ON m.id = o.message_id ORDER BY o.attempts DESC")) {
            rs.next();
            assertEquals(1, rs.getInt(1), "an unreachable receiver does not use up attempts: " + rs.getString(2));
        }
    }

    @Test
    void rejectedMessageIsParkedAtOnceAndThePatientsLaterMessagesFlow() throws Exception {
        his.start();
        startChannel();
        queue("P1");
        await().atMost(Duration.ofSeconds(30)).until(() -> his.received.size() == 1);
        String rejected = "PC" + (Long.parseLong(controlIds().get(0).substring(2)) + 1);
        his.answer(r -> r.controlId().equals(rejected) ? "AR" : "AA");
        queue("P1");
        queue("P1");
        queue("P2");
        await().atMost(Duration.ofSeconds(30)).until(() -> outcomesByControlId().values().stream()
                .noneMatch("QUEUED"::equals));
        Map<String, String> outcomes = outcomesByControlId();
        assertEquals("PARKED", outcomes.get(rejected));
        assertEquals(3, outcomes.values().stream().filter("SENT"::equals).count(), outcomes.toString());
        assertEquals(1, receivedFor("P1").stream().filter(rejected::equals).count(), "AR is not retried");
        assertTrue(errorOf(rejected).contains("AR") && errorOf(rejected).contains("未知患者"), errorOf(rejected));
        assertEquals(3, receivedFor("P1").size());
    }

    @Test
    void applicationErrorIsRetriedWithTheSameControlIdThenParkedAndLaterOnesFlow() throws Exception {
        his.start();
        his.answer(r -> r.patient().equals("P1") && his.received.stream().filter(x -> x.patient().equals("P1")).count() <= 3
                ? "AE" : "AA");
        startChannel();
        queue("P1");
        queue("P1");
        queue("P2");
        await().atMost(Duration.ofSeconds(30)).until(() -> outcomesByControlId().values().stream()
                .noneMatch("QUEUED"::equals));
        List<String> ids = controlIds();
        Map<String, String> outcomes = outcomesByControlId();
        assertEquals("PARKED", outcomes.get(ids.get(0)), outcomes.toString());
        assertEquals("SENT", outcomes.get(ids.get(1)));
        assertEquals("SENT", outcomes.get(ids.get(2)));
        List<String> p1 = receivedFor("P1");
        assertEquals(List.of(ids.get(0), ids.get(0), ids.get(0), ids.get(1)), p1,
                "three attempts (max.attempts) of the first, with its own control id, then the next");
        assertTrue(errorOf(ids.get(0)).contains("parked after 3 attempts"), errorOf(ids.get(0)));

        // an engineer fixes the cause and resends it: same control id, accepted
        assertTrue(channel.resend(Long.parseLong(ids.get(0).substring(2))));
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(outcomesByControlId().get(ids.get(0))));
        assertEquals(ids.get(0), receivedFor("P1").get(4));
        assertFalse(channel.resend(Long.parseLong(ids.get(1).substring(2))), "a sent message is not resent");
    }

    @Test
    void ackTimeoutResendsTheSameMessageOnceAfterTheDelayNotAFlood() throws Exception {
        // the silent first attempt waits this long; the answered resend must come within it, which
        // 3 s leaves a wide margin for on loopback
        settings.put("ack_timeout_seconds", 3);
        his.start();
        his.answer(r -> his.received.size() == 1 ? null : "AA");
        startChannel();
        queue("P1");
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(outcomesByControlId().values().iterator().next()));
        assertEquals(2, his.received.size(), "one silent attempt, one answered: " + his.received);
        assertEquals(his.received.get(0).controlId(), his.received.get(1).controlId());
    }

    @Test
    void onlyTheNodeHoldingTheLeaseDeliversAndTheOtherTakesOverWhenItStops() throws Exception {
        his.start();
        startChannel();
        OutboundChannel first = channel;
        startChannel();   // a second node on the same database and destination
        OutboundChannel second = channel;
        channel = first;
        for (int i = 0; i < 5; i++) {
            queue("P1");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> outcomesByControlId().values().stream().allMatch("SENT"::equals));
        assertEquals(5, his.received.size(), "each message sent once although two nodes run the channel");
        // one of them stands by, once both delivery threads have looked at the lease
        await().atMost(Duration.ofSeconds(30)).until(() -> first.state().equals("STANDBY") ^ second.state().equals("STANDBY"));
        OutboundChannel standby = first.state().equals("STANDBY") ? first : second;
        OutboundChannel active = standby == first ? second : first;
        active.stop();
        channel = standby;
        queue("P2");
        await().atMost(Duration.ofSeconds(30)).until(() -> outcomesByControlId().values().stream().allMatch("SENT"::equals));
        assertEquals(6, his.received.size());
    }

    @Test
    void queuedMessagesSurviveARestartOfTheChannelAndAreSentOnceAfterwards() throws Exception {
        startChannel();
        queue("P1");
        queue("P1");
        queue("P2");
        channel.stop();   // Karaf stops (or the bundle is updated) while the receiver is down
        channel = null;
        assertEquals(0, his.received.size());
        his.start();
        startChannel();   // a new instance on the same database
        await().atMost(Duration.ofSeconds(30)).until(() -> outcomesByControlId().values().stream().allMatch("SENT"::equals));
        assertEquals(3, his.received.size(), "each once: " + his.received);
        assertEquals(controlIds().subList(0, 2), receivedFor("P1"));
    }
    /** The acknowledged events' payloads, in the order they were appended. */
    private List<String> acknowledged() {
        return outbox.appended.stream().map(a -> {
            assertEquals("hl7", a.event().domain());
            assertEquals("outbound-acknowledged", a.event().name());
            assertEquals(1, a.event().version());
            assertTrue(a.inTransaction(), "appended in the transaction that records the outcome");
            return a.event().aggregateId() + " " + a.event().dataJson();
        }).collect(Collectors.toList());
    }

    /** The payload expected for the n-th queued event's message (1-based), as the channel writes it. */
    private String expected(int n, String controlId, String outcome, String ackCode, String error, int attempts) {
        DomainEvent e = queued.get(n - 1);
        String id = controlId.substring(2);
        return id + " {\"channel\":\"his-out\",\"messageId\":" + id + ",\"messageType\":\"ADT^A04\",\"controlId\":\""
                + controlId + "\",\"sourceEventId\":\"" + e.eventId() + "\",\"sourceEventType\":\"consultation.registered\","
                + "\"sourceAggregateId\":\"" + e.aggregateId() + "\",\"outcome\":\"" + outcome + "\",\"ackCode\":"
                + (ackCode == null ? "null" : "\"" + ackCode + "\"") + ",\"error\":"
                + (error == null ? "null" : "\"" + error + "\"") + ",\"attempts\":" + attempts + "}";
    }

    @Test
    void sentAndParkedEachPublishOneAcknowledgedEventWithTheSourceEvent() throws Exception {
        his.start();
        his.answer(r -> r.patient().equals("P2") ? "AR" : "AA");
        startChannel();
        queue("P1");
        queue("P2");
        await().atMost(Duration.ofSeconds(30)).until(() -> outcomesByControlId().values().stream()
                .noneMatch("QUEUED"::equals));
        await().atMost(Duration.ofSeconds(5)).until(() -> outbox.appended.size() >= 2);
        List<String> ids = controlIds();
        assertEquals(List.of(
                expected(1, ids.get(0), "SENT", "AA", null, 1),
                expected(2, ids.get(1), "PARKED", "AR", "未知患者 unknown patient", 1)), acknowledged(),
                "one event per outcome, the receiver's ERR text only (not the ACK or the message)");
    }

    @Test
    void retriedErrorsPublishNothingUntilParkedAndAResentMessagePublishesItsNewOutcome() throws Exception {
        his.start();
        his.answer(r -> r.patient().equals("P1") && his.received.stream().filter(x -> x.patient().equals("P1")).count() <= 3
                ? "AE" : "AA");
        startChannel();
        queue("P1");
        await().atMost(Duration.ofSeconds(30)).until(() -> "PARKED".equals(outcomesByControlId().values().iterator().next()));
        String id = controlIds().get(0);
        assertEquals(3, his.received.size());
        assertEquals(List.of(expected(1, id, "PARKED", "AE", "未知患者 unknown patient", 3)), acknowledged(),
                "the two AE answers that were retried published nothing");

        assertTrue(channel.resend(Long.parseLong(id.substring(2))));
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(outcomesByControlId().get(id)));
        await().atMost(Duration.ofSeconds(5)).until(() -> outbox.appended.size() == 2);
        assertEquals(expected(1, id, "SENT", "AA", null, 1), acknowledged().get(1), "resent: attempts start again");
    }

    @Test
    void parkedWithoutAnAckPublishesNoAckCodeAndTheReason() throws Exception {
        settings.put("ack_timeout_seconds", 1);
        settings.put("max_attempts", 1);
        his.start();
        his.answer(r -> null);
        startChannel();
        queue("P1");
        await().atMost(Duration.ofSeconds(30)).until(() -> "PARKED".equals(outcomesByControlId().values().iterator().next()));
        await().atMost(Duration.ofSeconds(5)).until(() -> outbox.appended.size() == 1);
        assertEquals(List.of(expected(1, controlIds().get(0), "PARKED", null,
                "no ACK within 1 s (parked after 1 attempts)", 1)), acknowledged());
    }

    @Test
    void theEventPayloadIsEscapedJson() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("error", "bad \"PID-3\"\\ line\r\nnext\u0001");
        data.put("n", 3);
        data.put("none", null);
        assertEquals("{\"error\":\"bad \\\"PID-3\\\"\\\\ line\\r\\nnext\\u0001\",\"n\":3,\"none\":null}",
                AcknowledgedEvent.json(data));
    }
}
