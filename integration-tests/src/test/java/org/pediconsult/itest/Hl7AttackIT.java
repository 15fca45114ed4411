package org.pediconsult.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, the HL7 listener attacked from the network (items 4 and 5): against the assembled
 * distribution, started with bin/start. The frame, budget and table attacks go to the shared
 * {@link AttackedDistribution} (defaults as shipped; they are refused, so they disturb nobody); the
 * connection attacks need a channel with a small cap and a sender allow-list, so they get a
 * {@link KarafProcess} of their own.
 *
 * <p>Each test asserts the answer the sender gets (an AR with the reason, or a connection closed
 * without an answer), never how fast: a frame is "answered" when its ACK is read, within generous
 * socket timeouts that only catch a hang.
 */
class Hl7AttackIT {
    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase();
    /** Stored and answered AA, never processed: no patient is created on the shared distribution. */
    private static final String A01 = "MSH|^~\\&|HIS|PILOT-CHILDRENS-HOSPITAL-1|PEDICONSULT|PEDICONSULT|20261125083000||"
            + "ADT^A01^ADT_A01|%s|P|2.5.1|||||CHN|UNICODE UTF-8\rEVN|A01|20261125083000\r"
            + "PID|1||HIS-ATTACK-1^^^PILOT1^MR||唐^小明||20220315|M\r";
    private static final long MB = 1024 * 1024;
    private static KarafProcess limited;

    @AfterAll
    static void stopOwn() throws Exception {
        if (limited != null) {
            limited.close();
        }
    }

    private static String a01(String controlId) {
        return String.format(A01, controlId);
    }

    private static Socket connect(String from, int port) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        s.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 10_000);
        s.setSoTimeout(60_000); // a hang detector only
        return s;
    }

    private static String err(String ack) {
        for (String segment : ack.split("\r")) {
            if (segment.startsWith("ERR|")) {
                return segment;
            }
        }
        return "no ERR in " + ack;
    }

    // ---- frames (the shared distribution)

    /**
     * A 50 MB frame: today's decoder buffers it whole (its limit is Integer.MAX_VALUE) and the handler
     * copies it into strings before it checks max.message.bytes; the heap must not grow with it.
     */
    @Test
    void a50MegabyteFrameIsNotBufferedIsAnsweredArAndTheListenerAnswersTheNextMessage() throws Exception {
        KarafProcess karaf = AttackedDistribution.get();
        JvmHeap heap = new JvmHeap(karaf.jvm().orElseThrow());
        String id = "BIG-" + RUN;
        long payload;
        String ack;
        String next;
        heap.collect();
        long before = heap.used();
        long peak;
        try (JvmHeap.Watch watch = heap.watch(); Socket socket = connect("127.0.0.1", karaf.mllpPort())) {
            watch.awaitSamples(1);
            OutputStream out = socket.getOutputStream();
            byte[] head = (a01(id) + "NTE|1||").getBytes(StandardCharsets.UTF_8);
            out.write(0x0b);
            out.write(head);
            byte[] filler = new byte[256 * 1024];
            java.util.Arrays.fill(filler, (byte) 'x');
            payload = head.length;
            while (payload < 50 * MB) {
                out.write(filler);
                payload += filler.length;
            }
            out.write(new byte[] {0x1c, 0x0d});
            out.flush();
            ack = Mllp.readAck(socket);
            next = Mllp.exchange(socket, a01("AFTER-" + id));
            watch.awaitSamples(3); // what the frame left in the heap (garbage included) is seen too
            peak = watch.peak();
            System.out.printf("Hl7AttackIT: a %,d-byte frame: heap used %,d KB before (after a full GC), at most %,d KB "
                    + "while it was sent and answered (%d samples)%n", payload, before / 1024, peak / 1024, watch.samples());
        }
        assertTrue(peak - before < 20 * MB, String.format("the heap grew by %,d KB with a 50 MB frame (before %,d KB, "
                + "peak %,d KB): the frame was buffered", (peak - before) / 1024, before / 1024, peak / 1024));
        assertEquals("AR", Mllp.msa(ack, 1), ack);
        assertEquals(id, Mllp.msa(ack, 2), "answered to the frame it refused: " + ack);
        assertTrue(err(ack).contains(String.format(java.util.Locale.ROOT, "message of %,d bytes", payload))
                && err(ack).contains("max.message.bytes"), "ERR names the length and the limit: " + err(ack));
        assertEquals("AA", Mllp.msa(next, 1), "the listener answers the next message on that connection: " + next);

        String admin = karaf.token("admin");
        JsonNode rows = karaf.getJson("/api/hl7/messages?controlId=" + URLEncoder.encode(id, StandardCharsets.UTF_8), admin);
        assertEquals(1, rows.size(), "the refused frame is stored for review: " + rows);
        assertEquals("ERROR", rows.get(0).path("outcome").asText());
        assertTrue(rows.get(0).path("error").asText().contains("only its first 65,536 bytes were kept"), rows.toString());
    }

    /** ~50 KB frames built to make HAPI work hard, each refused before parsing with the budget it exceeds. */
    @Test
    void pathologicalFramesAreEachRefusedWithTheParseBudgetTheyExceed() throws Exception {
        KarafProcess karaf = AttackedDistribution.get();
        Random random = new Random(12);
        StringBuilder shuffled = new StringBuilder();
        String[] names = {"EVN", "PID", "PD1", "NK1", "PV1", "PV2", "OBR", "OBX", "NTE", "ORC", "DG1", "IN1", "AL1", "ZAB"};
        while (shuffled.length() < 50_000) {
            shuffled.append(names[random.nextInt(names.length)]).append("|1\r");
        }
        Map<String, String[]> frames = new LinkedHashMap<>();
        frames.put("REPETITIONS", new String[] {"PID|1||" + "1~".repeat(25_000) + "\r", "limit.repetitions.per.field"});
        frames.put("COMPONENTS", new String[] {"PID|1||1||" + "A^".repeat(25_000) + "\r", "limit.components.per.repetition"});
        frames.put("SUBCOMPONENTS", new String[] {"PID|1||1^^^" + "A&".repeat(25_000) + "\r",
                "limit.subcomponents.per.component"});
        frames.put("FIELDS", new String[] {"ZZZ" + "|".repeat(50_000) + "\r", "limit.fields.per.segment"});
        // each field within its own limits, too many separators together (this one is ~120 KB)
        frames.put("SEPARATORS", new String[] {("ZZZ" + ("|" + "^".repeat(99)).repeat(200) + "\r").repeat(6),
                "limit.separators"});
        frames.put("SEGMENTS", new String[] {shuffled.toString(), "limit.segments"});
        frames.put("ESCAPES", new String[] {"NTE|1||" + "\\.br\\".repeat(10_001) + "\r", "limit.escapes"});
        try (Socket socket = connect("127.0.0.1", karaf.mllpPort())) {
            for (Map.Entry<String, String[]> f : frames.entrySet()) {
                String id = f.getKey() + "-" + RUN;
                String frame = String.format(A01, id).substring(0, String.format(A01, id).indexOf("PID|")) + f.getValue()[0];
                String ack = Mllp.exchange(socket, frame);
                assertEquals("AR", Mllp.msa(ack, 1), f.getKey() + " (" + frame.length() + " bytes) answered " + ack);
                assertTrue(err(ack).contains("parse budget exceeded") && err(ack).contains(f.getValue()[1]),
                        f.getKey() + ": the ERR names the budget: " + err(ack));
            }
            assertEquals("AA", Mllp.msa(Mllp.exchange(socket, a01("AFTER-BUDGET-" + RUN)), 1));
        }
    }

    @Test
    void controlBytesAndAMessageTypeOutsideTable0076AreRefusedBeforeAnAa() throws Exception {
        KarafProcess karaf = AttackedDistribution.get();
        StringBuilder noise = new StringBuilder();
        Random random = new Random(3);
        while (noise.length() < 50_000) {
            char c = (char) random.nextInt(0x80);
            noise.append(c == '\r' || c == '|' || c == '^' || c == '~' || c == '&' || c == '\\' ? 'x' : c);
        }
        try (Socket socket = connect("127.0.0.1", karaf.mllpPort())) {
            String control = Mllp.exchange(socket, a01("CTRL-" + RUN).replace("唐^小明", "唐\u0001^小明"));
            assertEquals("AR", Mllp.msa(control, 1), control);
            assertTrue(err(control).contains("control character 0x01 in PID-5"), err(control));
            String noisy = Mllp.exchange(socket, a01("NOISE-" + RUN) + "NTE|1||" + noise + "\r");
            assertEquals("AR", Mllp.msa(noisy, 1), noisy);
            assertTrue(err(noisy).contains("control character"), err(noisy));
            String type = Mllp.exchange(socket, a01("TYPE-" + RUN).replace("ADT^A01^ADT_A01", "A+T^c62"));
            assertEquals("AR", Mllp.msa(type, 1), type);
            assertTrue(err(type).contains("table 0076"), err(type));
            String event = Mllp.exchange(socket, a01("EVENT-" + RUN).replace("ADT^A01^ADT_A01", "ADT^c62"));
            assertEquals("AR", Mllp.msa(event, 1), event);
            assertTrue(err(event).contains("table 0003"), err(event));
            String version = Mllp.exchange(socket, a01("VERSION-" + RUN).replace("|P|2.5.1|", "|P|9.9|"));
            assertEquals("AR", Mllp.msa(version, 1), version);
            assertTrue(err(version).contains("table 0104"), err(version));
            assertEquals("AA", Mllp.msa(Mllp.exchange(socket, a01("AFTER-TABLES-" + RUN)), 1));
        }
    }

    // ---- connections (a distribution of its own: max.connections = 3, only 127.0.0.1 may send)

    private static synchronized KarafProcess limited() throws Exception {
        if (limited == null) {
            KarafProcess k = KarafProcess.unpack("hl7-attack");
            k.append("etc/org.pediconsult.hl7.inbound-his.cfg", "max.connections = 3\nallowed.source.addresses = 127.0.0.1");
            k.start();
            k.awaitHealthUp();
            limited = k;
        }
        return limited;
    }

    /** The listener closed the connection without answering (EOF or reset; the socket timeout catches a hang). */
    private static void assertClosedWithoutAnswer(Socket socket, String why) throws IOException {
        try {
            socket.getOutputStream().write(Mllp.frame(a01("REFUSED-" + RUN)));
            socket.getOutputStream().flush();
        } catch (IOException reset) {
            return;
        }
        try {
            int b = socket.getInputStream().read();
            assertEquals(-1, b, why + ": closed without an answer");
        } catch (SocketTimeoutException hang) {
            throw new AssertionError(why + ": the connection was left open", hang);
        } catch (IOException reset) {
            // closed with a reset
        }
    }

    /** The connections the channel counts as open now (GET /api/hl7/channels). */
    private static int connectionsOpen(KarafProcess karaf, String admin) throws Exception {
        for (JsonNode channel : karaf.getJson("/api/hl7/channels", admin)) {
            if ("his".equals(channel.path("name").asText())) {
                return channel.path("metrics").path("connectionsOpen").asInt(-1);
            }
        }
        return -1;
    }

    @Test
    void connectionsOverTheCapAreClosedAtOnce() throws Exception {
        KarafProcess karaf = limited();
        String admin = karaf.token("admin");
        await().atMost(Duration.ofMinutes(2)).ignoreExceptions().until(() -> {
            try (Socket s = connect("127.0.0.1", karaf.mllpPort())) {
                return "AA".equals(Mllp.msa(Mllp.exchange(s, a01("UP-" + RUN)), 1));
            }
        });
        // every slot free (closed connections are given back when the listener sees them close)
        await().atMost(Duration.ofMinutes(1)).until(() -> connectionsOpen(karaf, admin) <= 0);
        List<Socket> open = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                Socket s = connect("127.0.0.1", karaf.mllpPort());
                open.add(s);
                assertEquals("AA", Mllp.msa(Mllp.exchange(s, a01("CAP" + i + "-" + RUN)), 1));
            }
            try (Socket fourth = connect("127.0.0.1", karaf.mllpPort())) {
                assertClosedWithoutAnswer(fourth, "a fourth connection with max.connections = 3");
            }
            assertEquals(3, connectionsOpen(karaf, admin), "the three are still served");
        } finally {
            for (Socket s : open) {
                s.close();
            }
        }
        // the slots are given back as the three close
        await().atMost(Duration.ofMinutes(1)).ignoreExceptions().until(() -> {
            try (Socket s = connect("127.0.0.1", karaf.mllpPort())) {
                return "AA".equals(Mllp.msa(Mllp.exchange(s, a01("CAP-AGAIN-" + RUN)), 1));
            }
        });
    }

    @Test
    void aSenderAddressNotAllowedIsClosedAtOnceAndLoggedWithoutContent() throws Exception {
        KarafProcess karaf = limited();
        try (Socket stranger = connect("127.0.0.2", karaf.mllpPort())) {
            assertClosedWithoutAnswer(stranger, "a sender at 127.0.0.2 with allowed.source.addresses = 127.0.0.1");
        }
        await().atMost(Duration.ofMinutes(1)).ignoreExceptions().until(() -> {
            try (Socket his = connect("127.0.0.1", karaf.mllpPort())) {
                return "AA".equals(Mllp.msa(Mllp.exchange(his, a01("ALLOWED-" + RUN)), 1));
            }
        });
        String log = Files.readString(karaf.home().resolve("data/log/karaf.log"), StandardCharsets.UTF_8);
        assertTrue(log.contains("connection from 127.0.0.2 closed at once: its address is not in allowed.source.addresses"),
                "the refusal is logged");
        assertTrue(!log.contains("REFUSED-" + RUN), "nothing of what it sent was read or logged");
    }
}
