package org.pediconsult.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 5, crash (run on each database: {@link Hl7CrashIT} on the embedded H2, {@link Hl7CrashPostgresIT}
 * on a PostgreSQL server, issue 18's "durability is not traded"): the distribution (unpacked, started with bin/start, the HL7 bridge a boot feature
 * here) is killed with {@code kill -9} while several HIS connections send ADT^A04 messages as fast
 * as the ACKs come back. After a restart on the same data folder, every message that was answered AA
 * is in the store exactly once as a first message and, once the processing backlog drained (the channel
 * acknowledges after storing, {@code ack.after = STORED}: messages ACKed but still RECEIVED at the kill
 * are processed after the restart), PROCESSED, and its patient exists exactly once.
 * Then the HIS resends everything, as it would after an outage: the acknowledged ones are answered
 * with their first ACK and stored as DUPLICATE (the patient not created again), the others are
 * processed now; in the end every message is processed exactly once.
 *
 * <p>Timing is never asserted. The kill comes when {@link #KILL_AFTER_ACKS} messages in all were
 * answered AA, however long that takes, and each connection then has a whole frame and half of the
 * next in flight ({@link HisSenders}), so the kill always falls between acknowledged messages and
 * unanswered ones.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class Hl7Crash {
    private static final String CHANNEL = "his";
    private static final String AUTHORITY = "PILOT1";

    private static final int SENDERS = 4;
    private static final int PER_SENDER = 750;
    /**
     * At most PER_SENDER - 2: a connection that reaches its last two messages also makes the kill point
     * (so the run always ends), and has this many ACKs by then.
     */
    private static final int KILL_AFTER_ACKS = 700;
    /** Only a failure bound: the kill point is an ACK count, reached in seconds on a quiet machine. */
    private static final Duration KILL_POINT_WITHIN = Duration.ofMinutes(10);

    private static final String[] FAMILY = {"张", "李", "王", "刘", "陈", "杨", "赵", "黄", "周", "吴"};
    private static final String[] GIVEN = {"小明", "小雨", "子涵", "欣怡", "浩然", "梓萱", "宇轩", "雨桐", "一诺", "思远"};

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase();
    private KarafProcess karaf;

    /** The folder under target/ the distribution is unpacked into. */
    protected abstract String folder();

    /** Points the unpacked distribution at its database (nothing to do for the embedded H2 default). */
    protected abstract void useDatabase(KarafProcess karaf) throws IOException;

    @BeforeAll
    void unpack() throws IOException {
        karaf = KarafProcess.unpack(folder());
        useDatabase(karaf);
        // the bridge is a boot feature; its channel on our port
        Files.writeString(karaf.home().resolve("etc/org.pediconsult.hl7.inbound-" + CHANNEL + ".cfg"),
                "name = " + CHANNEL + "\nport = " + karaf.mllpPort() + "\nack.mode = ORIGINAL\nallowed.sending.facilities =\n");
    }

    @AfterAll
    void stop() throws Exception {
        if (karaf != null) {
            karaf.close();
        }
    }

    @Test
    void everyAcknowledgedMessageSurvivesAKillAndEveryMessageIsProcessedExactlyOnce() throws Exception {
        karaf.start();
        awaitUp();
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < SENDERS * PER_SENDER; i++) {
            messages.add(adt(i));
        }

        // 1. senders until the kill point, then kill -9
        List<List<String>> perConnection = new ArrayList<>();
        for (int t = 0; t < SENDERS; t++) {
            perConnection.add(messages.subList(t * PER_SENDER, (t + 1) * PER_SENDER));
        }
        HisSenders senders = new HisSenders(karaf.mllpPort(), KILL_AFTER_ACKS, perConnection);
        long start = System.nanoTime();
        senders.start();
        assertTrue(senders.awaitKillPoint(KILL_POINT_WITHIN), "every connection reached the kill point within "
                + KILL_POINT_WITHIN + ": " + senders.acked.size() + " ACKs so far");
        assertTrue(senders.refused.isEmpty(), "before the kill every message is answered AA: " + senders.refused);
        ProcessHandle jvm = karaf.jvm().orElseThrow(() -> new AssertionError("karaf.pid names a live process"));
        assertTrue(jvm.info().command().map(c -> c.endsWith("/java")).orElse(true),
                "karaf.pid names the JVM itself, not a wrapper script: " + jvm.info().command());
        int ackedAtKill = senders.acked.size();
        senders.killing();
        long killAt = System.nanoTime();
        karaf.kill();
        assertTrue(senders.awaitEnd(Duration.ofMinutes(2)), "every connection ended with the kill");
        Map<String, String> acked = senders.acked;
        System.out.printf(getClass().getSimpleName() + ": killed JVM %d after %d ms of sending: %d ACKs (AA) at the kill, %d in all, "
                        + "%d whole messages written, %d half frames unanswered%n", jvm.pid(), (killAt - start) / 1_000_000,
                ackedAtKill, acked.size(), senders.wholeFramesWritten.get(), senders.cutFramesUnanswered.get());
        assertTrue(senders.refused.isEmpty(), "every message is answered AA or not at all: " + senders.refused);
        assertTrue(acked.size() >= KILL_AFTER_ACKS, "the kill came after " + KILL_AFTER_ACKS + " ACKs");
        assertEquals(SENDERS, senders.cutFramesUnanswered.get(), "each connection had a frame in flight at the kill");
        assertTrue(acked.size() < messages.size(), "the kill came while messages were still being sent");

        // 2. restart on the same data folder: everything acknowledged is there, once, processed once
        karaf.start();
        awaitUp();
        String admin = karaf.token("admin");
        awaitBacklogDrained(admin, "after the restart");
        Map<String, List<JsonNode>> stored = storedByControlId(admin);
        Map<String, Integer> children = hisChildren(admin);
        List<String> problems = new ArrayList<>();
        for (String id : new TreeSet<>(acked.keySet())) {
            List<JsonNode> rows = stored.getOrDefault(id, List.of());
            if (rows.size() != 1 || !"PROCESSED".equals(rows.get(0).path("outcome").asText())) {
                problems.add(id + ": acknowledged AA but stored as " + outcomes(rows));
            }
            int copies = children.getOrDefault(patient(id), 0);
            if (copies != 1) {
                problems.add(id + ": acknowledged AA but its patient " + patient(id) + " exists " + copies + " times");
            }
        }
        children.forEach((patient, copies) -> {
            if (copies != 1) {
                problems.add(patient + " exists " + copies + " times");
            }
        });
        long unackedStored = stored.keySet().stream().filter(id -> !acked.containsKey(id)).count();
        System.out.printf(getClass().getSimpleName() + ": after the restart %d of our control ids stored (%d of them never acknowledged), "
                + "%d of our patients exist%n", stored.size(), unackedStored, children.size());
        for (int t = 0; t < SENDERS; t++) {
            // per connection: how far the ACKs went and from where on acknowledged messages are missing
            int lastAcked = -1;
            int lost = 0;
            int firstLost = -1;
            for (int i = t * PER_SENDER; i < (t + 1) * PER_SENDER; i++) {
                String id = controlId(i);
                if (acked.containsKey(id)) {
                    lastAcked = i;
                    if (!stored.containsKey(id)) {
                        lost++;
                        firstLost = firstLost < 0 ? i : firstLost;
                    }
                }
            }
            System.out.printf(getClass().getSimpleName() + ": connection %d: last ACK for message %d, %d acknowledged messages missing "
                    + "after the restart%s%n", t, lastAcked, lost, lost == 0 ? "" : " from message " + firstLost + " on");
        }
        assertTrue(problems.isEmpty(), problems.size() + " problems after the kill, e.g. "
                + problems.subList(0, Math.min(20, problems.size())));

        // 3. the HIS resends everything on a fresh connection, as after an outage
        int resentAcked = 0;
        long resendStart = System.nanoTime();
        try (Socket socket = new Socket("127.0.0.1", karaf.mllpPort())) {
            socket.setSoTimeout(60_000);
            for (String message : messages) {
                String id = controlId(message);
                String ack = Mllp.exchange(socket, message);
                if (!"AA".equals(Mllp.msa(ack, 1)) || !id.equals(Mllp.msa(ack, 2))) {
                    problems.add(id + ": resend answered " + ack.replace('\r', '/'));
                } else if (acked.containsKey(id)) {
                    resentAcked++;
                    if (!ack.equals(acked.get(id))) {
                        problems.add(id + ": resend of an acknowledged message not answered with its first ACK");
                    }
                }
            }
        }
        System.out.printf(getClass().getSimpleName() + ": resent %d messages in %d ms%n", messages.size(),
                (System.nanoTime() - resendStart) / 1_000_000);
        assertTrue(problems.isEmpty(), problems.size() + " problems on the resend, e.g. "
                + problems.subList(0, Math.min(20, problems.size())));
        assertEquals(acked.size(), resentAcked);

        // 4. every message processed exactly once; the acknowledged ones have exactly one DUPLICATE copy
        awaitBacklogDrained(admin, "after the resend");
        stored = storedByControlId(admin);
        children = hisChildren(admin);
        for (String message : messages) {
            String id = controlId(message);
            List<JsonNode> rows = stored.getOrDefault(id, List.of());
            long first = rows.stream().filter(r -> !"DUPLICATE".equals(r.path("outcome").asText())).count();
            long processed = rows.stream().filter(r -> "PROCESSED".equals(r.path("outcome").asText())).count();
            long duplicates = rows.size() - first;
            if (first != 1 || processed != 1 || duplicates > 1 || (acked.containsKey(id) && duplicates != 1)) {
                problems.add(id + (acked.containsKey(id) ? " (acknowledged before the kill)" : "")
                        + ": stored as " + outcomes(rows));
            }
            int copies = children.getOrDefault(patient(id), 0);
            if (copies != 1) {
                problems.add(id + ": patient " + patient(id) + " exists " + copies + " times");
            }
        }
        assertEquals(messages.size(), children.size(), "one patient per message");
        assertTrue(problems.isEmpty(), problems.size() + " problems after the resend, e.g. "
                + problems.subList(0, Math.min(20, problems.size())));
    }

    // ---- the messages

    private static String controlId(int i) {
        return "CR" + RUN + "-" + i;
    }

    private static String patient(String controlId) {
        return AUTHORITY + "^HIS-" + controlId;
    }

    private static String adt(int i) {
        String id = controlId(i);
        String family = FAMILY[i % FAMILY.length];
        String given = GIVEN[(i / FAMILY.length) % GIVEN.length];
        String birth = String.format("20%02d%02d%02d", 15 + i % 10, 1 + i % 12, 1 + i % 28);
        return "MSH|^~\\&|HIS|PILOT-CHILDRENS-HOSPITAL-1|PEDICONSULT|PEDICONSULT|20261125083000||ADT^A04^ADT_A01|"
                + id + "|P|2.5.1|||||CHN|UNICODE UTF-8\r"
                + "EVN|A04|20261125083000\r"
                + "PID|1||HIS-" + id + "^^^" + AUTHORITY + "^MR||" + family + "^" + given + "||" + birth + "|"
                + (i % 2 == 0 ? "F" : "M") + "\r"
                + "NK1|1|" + family + "^丽|MTH^Mother^HL70063\r";
    }

    private static String controlId(String message) {
        return HisSenders.controlId(message);
    }

    private static String outcomes(List<JsonNode> rows) {
        List<String> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.path("outcome").asText()));
        return out.isEmpty() ? "nothing" : out.toString();
    }

    // ---- the operations API

    /** Our messages (this run's control ids) on the channel, paged through newest first. */
    private Map<String, List<JsonNode>> storedByControlId(String bearer) throws Exception {
        Map<String, List<JsonNode>> out = new HashMap<>();
        Long before = null;
        while (true) {
            HttpResponse<String> r = get("/api/hl7/messages?channel=" + CHANNEL + "&limit=1000"
                    + (before == null ? "" : "&beforeId=" + before), bearer);
            assertEquals(200, r.statusCode(), r.body());
            JsonNode page = JSON.readTree(r.body());
            if (page.size() == 0) {
                return out;
            }
            for (JsonNode row : page) {
                String id = row.path("controlId").asText();
                if (id.startsWith("CR" + RUN + "-")) {
                    out.computeIfAbsent(id, k -> new ArrayList<>()).add(row);
                }
                long rowId = row.path("id").asLong();
                assertTrue(before == null || rowId < before, "pages go to smaller ids");
                before = rowId;
            }
        }
    }

    /** Waits (generously) until the channel has no RECEIVED (acknowledged, not yet processed) message left. */
    private void awaitBacklogDrained(String bearer, String when) {
        long began = System.nanoTime();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
            HttpResponse<String> r = get("/api/hl7/channels", bearer);
            for (JsonNode channel : JSON.readTree(r.body())) {
                if (CHANNEL.equals(channel.path("name").asText()) && "IN".equals(channel.path("direction").asText())) {
                    return r.statusCode() == 200 && channel.path("counts").path("RECEIVED").asLong(0) == 0;
                }
            }
            return false;
        });
        System.out.printf(getClass().getSimpleName() + ": processing backlog drained %s in %d ms%n", when,
                (System.nanoTime() - began) / 1_000_000);
    }

    /** How many children each of our HIS identifiers has. */
    private Map<String, Integer> hisChildren(String bearer) throws Exception {
        HttpResponse<String> r = get("/api/children", bearer);
        assertEquals(200, r.statusCode(), r.body());
        Map<String, Integer> out = new HashMap<>();
        for (JsonNode child : JSON.readTree(r.body())) {
            String value = child.path("idValue").asText();
            if ("HIS".equals(child.path("idType").asText()) && value.startsWith(AUTHORITY + "^HIS-CR" + RUN + "-")) {
                out.merge(value, 1, Integer::sum);
            }
        }
        return out;
    }

    // ---- the distribution

    /** Health UP, the MLLP port open and a probe message answered AA (the consultation bundle is there). */
    private void awaitUp() {
        karaf.awaitHealthUp();
        String probe = adt(0).replace(controlId(0), "PROBE" + RUN + "-" + System.nanoTime())
                .replace("HIS-" + controlId(0), "HIS-PROBE" + RUN);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> {
                    try (Socket s = new Socket("127.0.0.1", karaf.mllpPort())) {
                        s.setSoTimeout(30_000);
                        return "AA".equals(Mllp.msa(Mllp.exchange(s, probe), 1));
                    }
                });
    }

    private HttpResponse<String> get(String path, String bearer) throws Exception {
        return karaf.get(path, bearer);
    }
}
