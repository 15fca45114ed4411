package org.pediconsult.hl7.internal.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pediconsult.hl7.internal.common.Hl7Fixtures;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.RecordingAuditTrail;
import org.pediconsult.platform.api.security.RateLimits;

/**
 * The inbound channel's limits on a real socket (Camel, Netty, H2): frames not read past
 * {@code max.message.bytes}, the parse budget, HL7's tables and control characters before any AA, and
 * who may connect (sender addresses, the rate of new connections, the number open at once).
 */
class InboundLimitsTest {
    private static final String ADT = "MSH|^~\\&|HIS|H1|PEDICONSULT|PEDICONSULT|20261125083000||ADT^A04^ADT_A01|%s|P|2.5.1|||||CHN|UNICODE UTF-8\r"
            + "EVN|A04|20261125083000\r"
            + "PID|1||HIS-000123^^^PILOT1^MR||唐^小明||20220315|M\r";
    private static final int MAX_BYTES = 100_000;

    private final List<CamelContext> listeners = new ArrayList<>();
    private final AtomicReference<RateLimits> rateLimits = new AtomicReference<>();
    private final RecordingAuditTrail audit = new RecordingAuditTrail();
    private final List<AuditEntry> audited = audit.entries();
    private JdbcDataSource db;
    private MessageStore store;
    private InboundHandler handler;

    @BeforeEach
    void start() {
        db = Hl7Fixtures.h2();
        store = new MessageStore(db);
        handler = InboundHandler.forChannel("his", store, Hl7Fixtures.parser())
                .maxBytes(MAX_BYTES)
                .patients(() -> (patient, source) -> "child-1")
                .build();
    }

    @AfterEach
    void stop() {
        listeners.forEach(CamelContext::stop);
        store.close();
    }

    private int listen(ConnectionGate gate) throws Exception {
        int port = Hl7Fixtures.freePort();
        listeners.add(InboundChannel.start("his", "0.0.0.0", port, 30, handler, null, MAX_BYTES, gate));
        return port;
    }

    private ConnectionGate gate(int maxConnections, String sources) {
        return new ConnectionGate("his", maxConnections, SourceAddresses.parse(sources), rateLimits::get, () -> audit);
    }

    private static String msa(String ack) {
        return Stream.of(ack.split("\r")).filter(s -> s.startsWith("MSA")).findFirst().orElse("no MSA in " + ack);
    }

    private static String adt(String controlId) {
        return String.format(ADT, controlId);
    }

    /** The stored rows of a control id: outcome, error, raw length. */
    private List<String[]> rows(String controlId) throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT outcome, error, LENGTH(raw), id FROM hl7_message WHERE control_id = ? OR raw LIKE ?")) {
            ps.setString(1, controlId);
            ps.setString(2, "%|" + controlId + "|%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
                }
            }
        }
        return rows;
    }

    // ---- frames

    @Test
    void aFrameOverTheLimitIsAnsweredArWithoutBeingReadAndTheConnectionGoesOn() throws Exception {
        int port = listen(null);
        try (MllpTestClient client = new MllpTestClient(port)) {
            // 5 MB of one frame, written in pieces as a sender would; the channel keeps at most 100 kB of it
            byte[] head = (adt("BIG5MB") + "NTE|1||").getBytes(StandardCharsets.UTF_8);
            client.write(new byte[] {MllpTestClient.START});
            client.write(head);
            byte[] filler = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
            long sent = head.length;
            while (sent < 5_000_000) {
                client.write(filler);
                sent += filler.length;
            }
            client.write(new byte[] {MllpTestClient.END, MllpTestClient.CR});
            String ack = client.readAck();
            assertTrue(msa(ack).startsWith("MSA|AR|BIG5MB"), ack);
            assertTrue(ack.contains(String.format(java.util.Locale.ROOT, "message of %,d bytes is larger than this channel accepts "
                    + "(max.message.bytes = %,d)", sent, MAX_BYTES)), ack);
            assertTrue(msa(client.send(adt("AFTER-BIG"))).startsWith("MSA|AA|AFTER-BIG"), "the same connection goes on");
        }
        List<String[]> stored = rows("BIG5MB");
        assertEquals(1, stored.size(), "the refused frame is stored for review");
        assertEquals("ERROR", stored.get(0)[0]);
        assertTrue(stored.get(0)[1].contains("only its first 65,536 bytes were kept"), stored.get(0)[1]);
        int chars = Integer.parseInt(stored.get(0)[2]);
        assertTrue(chars <= MllpFrameDecoder.KEEP_BYTES && chars > MllpFrameDecoder.KEEP_BYTES - 100,
                "its first 64 KiB (in characters: the Chinese name is 3 bytes a character), not more: " + chars);
        long id = Long.parseLong(stored.get(0)[3]);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> handler.reprocess(id),
                "a message stored cut is never processed");
    }

    @Test
    void pathologicalFramesAreRefusedWithTheBudgetTheyExceedAndStored() throws Exception {
        int port = listen(null);
        Map<String, String> frames = Map.of(
                "REP", "PID|1||" + "1~".repeat(25_000) + "\r",
                "CMP", "PID|1||1||" + "A^".repeat(25_000) + "\r",
                "SUB", "PID|1||1^^^" + "A&".repeat(25_000) + "\r",
                "FLD", "ZZZ" + "|".repeat(50_000) + "\r",
                "SEG", "ZZZ|1\r".repeat(9_000),
                "ESC", "NTE|1||" + "\\.br\\".repeat(10_001) + "\r");
        Map<String, String> reasons = Map.of("REP", "limit.repetitions.per.field", "CMP", "limit.components.per.repetition",
                "SUB", "limit.subcomponents.per.component", "FLD", "limit.fields.per.segment", "SEG", "limit.segments",
                "ESC", "limit.escapes");
        try (MllpTestClient client = new MllpTestClient(port)) {
            for (Map.Entry<String, String> f : frames.entrySet()) {
                String id = "PATH-" + f.getKey();
                String ack = client.send(String.format(ADT, id).replace("PID|1||HIS-000123^^^PILOT1^MR||唐^小明||20220315|M\r", "")
                        + f.getValue());
                assertTrue(msa(ack).startsWith("MSA|AR|" + id), ack);
                assertTrue(ack.contains("parse budget exceeded") && ack.contains(reasons.get(f.getKey())), ack);
                assertEquals("ERROR", rows(id).get(0)[0]);
            }
            assertTrue(msa(client.send(adt("AFTER-PATH"))).startsWith("MSA|AA"));
        }
    }

    @Test
    void controlCharactersAndHeadersOutsideHl7sTablesAreRefusedBeforeAnyAa() throws Exception {
        int port = listen(null);
        try (MllpTestClient client = new MllpTestClient(port)) {
            String control = client.send(adt("CTRL1").replace("唐^小明", "唐\u0001^小明"));
            assertTrue(msa(control).startsWith("MSA|AR|CTRL1"), control);
            assertTrue(control.contains("control character 0x01 in PID-5"), control);
            String type = client.send(adt("TYPE1").replace("ADT^A04^ADT_A01", "A+T^c62"));
            assertTrue(msa(type).startsWith("MSA|AR|TYPE1"), type);
            assertTrue(type.contains("table 0076"), type);
            String event = client.send(adt("EVENT1").replace("ADT^A04^ADT_A01", "ADT^c62"));
            assertTrue(msa(event).startsWith("MSA|AR|EVENT1") && event.contains("table 0003"), event);
            String version = client.send(adt("VERSION1").replace("|P|2.5.1|", "|P|9.9|"));
            assertTrue(msa(version).startsWith("MSA|AR|VERSION1") && version.contains("table 0104"), version);
        }
        assertEquals("ERROR", rows("CTRL1").get(0)[0]);
    }

    @Test
    void aMessageRefusedBeforeParsingIsRefusedAgainWhenReprocessed() throws Exception {
        int port = listen(null);
        try (MllpTestClient client = new MllpTestClient(port)) {
            client.send(adt("REPRO1") + "NTE|1||" + "1~".repeat(1_500) + "\r");
        }
        long id = Long.parseLong(rows("REPRO1").get(0)[3]);
        assertEquals("ERROR", handler.reprocess(id));
        assertTrue(rows("REPRO1").get(0)[1].contains("limit.repetitions.per.field"), "still refused, never parsed");
    }

    // ---- connections

    private static Socket connect(String from, int port) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
        s.setSoTimeout(20_000);
        return s;
    }

    /** The connection was closed by the listener: the next read ends (the 20 s socket timeout fails the test). */
    private static void assertClosedAtOnce(Socket socket) throws IOException {
        OutputStream out = socket.getOutputStream();
        try {
            out.write(MllpTestClient.frame(adt("REFUSED")));
            out.flush();
        } catch (IOException alreadyReset) {
            return;
        }
        try {
            int b = socket.getInputStream().read();
            assertEquals(-1, b, "no answer on a refused connection");
        } catch (SocketTimeoutException hung) {
            throw new AssertionError("the connection was left open", hung);
        } catch (IOException reset) {
            // closed: reset instead of EOF
        }
    }

    @Test
    void connectionsOverTheCapAreClosedAtOnceAndASlotFreesWhenOneCloses() throws Exception {
        ConnectionGate gate = gate(2, "");
        int port = listen(gate);
        try (MllpTestClient one = new MllpTestClient(port); MllpTestClient two = new MllpTestClient(port)) {
            assertTrue(msa(one.send(adt("CAP1"))).startsWith("MSA|AA"));
            assertTrue(msa(two.send(adt("CAP2"))).startsWith("MSA|AA"));
            assertEquals(2, gate.open());
            try (Socket third = connect("127.0.0.1", port)) {
                assertClosedAtOnce(third);
            }
            assertEquals(1, gate.refused(ConnectionGate.Refusal.TOO_MANY_CONNECTIONS));
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> gate.open() == 0);
        try (MllpTestClient again = new MllpTestClient(port)) {
            assertTrue(msa(again.send(adt("CAP3"))).startsWith("MSA|AA"), "slots are given back when connections close");
        }
        assertTrue(rows("REFUSED").isEmpty(), "nothing of a refused connection was read");
    }

    @Test
    void aSenderAddressNotAllowedIsClosedAtOnceAndAnAllowedOneIsServed() throws Exception {
        ConnectionGate gate = gate(8, "127.0.0.1, 10.0.0.0/8");
        int port = listen(gate);
        try (Socket stranger = connect("127.0.0.2", port)) {
            assertClosedAtOnce(stranger);
        }
        try (MllpTestClient his = new MllpTestClient(connect("127.0.0.1", port))) {
            assertTrue(msa(his.send(adt("SRC1"))).startsWith("MSA|AA|SRC1"));
        }
        assertEquals(1, gate.refused(ConnectionGate.Refusal.SOURCE_NOT_ALLOWED));
        assertTrue(rows("REFUSED").isEmpty());
        assertEquals(1, audited.size(), "the refused sender is in the audit trail");
        assertEquals(AuditEntry.Action.REFUSED, audited.get(0).action());
        assertEquals("127.0.0.2", audited.get(0).clientAddress());
        assertTrue(audited.get(0).detail().contains("SOURCE_NOT_ALLOWED"), audited.get(0).detail());
    }

    @Test
    void newConnectionsOverTheSendersRateAreClosedWhileOtherSendersGoOn() throws Exception {
        Map<String, AtomicInteger> perAddress = new ConcurrentHashMap<>();
        List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        rateLimits.set((kind, key) -> {
            asked.add(kind + " " + key);
            return perAddress.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet() <= 2
                    ? RateLimits.Admission.allowed() : RateLimits.Admission.refused(30);
        });
        ConnectionGate gate = gate(8, "");
        int port = listen(gate);
        for (int i = 1; i <= 2; i++) {
            try (MllpTestClient client = new MllpTestClient(connect("127.0.0.3", port))) {
                assertTrue(msa(client.send(adt("RATE" + i))).startsWith("MSA|AA"));
            }
        }
        try (Socket third = connect("127.0.0.3", port)) {
            assertClosedAtOnce(third);
        }
        try (MllpTestClient other = new MllpTestClient(connect("127.0.0.4", port))) {
            assertTrue(msa(other.send(adt("RATE-OTHER"))).startsWith("MSA|AA"), "another sender has its own rate");
        }
        assertEquals(List.of("hl7-connection 127.0.0.3", "hl7-connection 127.0.0.3", "hl7-connection 127.0.0.3",
                "hl7-connection 127.0.0.4"), asked);
        assertEquals(1, gate.refused(ConnectionGate.Refusal.RATE_LIMITED));

        rateLimits.set((kind, key) -> {
            throw new IllegalStateException("rate limit store down");
        });
        try (MllpTestClient client = new MllpTestClient(connect("127.0.0.3", port))) {
            assertTrue(msa(client.send(adt("RATE-FAILED"))).startsWith("MSA|AA"), "a failing rate limit admits");
        }
        rateLimits.set(null);
        try (MllpTestClient client = new MllpTestClient(connect("127.0.0.3", port))) {
            assertTrue(msa(client.send(adt("RATE-ABSENT"))).startsWith("MSA|AA"), "without rate limits the channel works");
        }
    }

    @Test
    void aConnectionThatNeverEndsItsOversizedFrameHoldsNoMoreThanTheLimit() throws Exception {
        int port = listen(null);
        try (MllpTestClient client = new MllpTestClient(port)) {
            client.write(new byte[] {MllpTestClient.START});
            byte[] filler = new byte[64 * 1024];
            java.util.Arrays.fill(filler, (byte) 'y');
            for (int i = 0; i < 160; i++) { // 10 MB, never ended
                client.write(filler);
            }
            try (MllpTestClient other = new MllpTestClient(port)) {
                assertTrue(msa(other.send(adt("OTHER-CONN"))).startsWith("MSA|AA"), "the listener serves others meanwhile");
            }
        }
        try (Connection c = db.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT COUNT(*) FROM hl7_message")) {
            rs.next();
            assertEquals(1, rs.getInt(1), "nothing of the unfinished frame was stored or answered");
        }
    }
}
