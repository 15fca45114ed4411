package org.pediconsult.hl7.internal.inbound;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import ca.uhn.hl7v2.model.v251.message.ADT_A01;
import org.apache.camel.CamelContext;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.pediconsult.hl7.internal.common.Hl7Fixtures;
import org.pediconsult.hl7.internal.common.Tls;
import org.pediconsult.hl7.internal.outbound.OutboundChannel;
import org.pediconsult.hl7.internal.outbound.OutboundChannelConfig;
import org.pediconsult.hl7.internal.outbound.RecordingOutbox;
import org.pediconsult.platform.api.audit.AuditTrail;
import org.pediconsult.platform.api.event.DomainEvent;

/**
 * MLLP over TLS both ways: an inbound channel listening with TLS only, and an outbound channel that
 * delivers to it over TLS trusting its certificate. A plain-text sender is disconnected by the TLS
 * listener without an ACK, and a client that does not trust the certificate cannot connect.
 */
class TlsChannelsTest {
    private static final String PASSWORD = "changeit-test";
    /**
     * The listener's read timeout: far above the clients' 30 s hang detectors, so a connection the
     * listener should have refused is never closed by the read timeout instead (which would look like
     * a refusal), and processing time never runs into it.
     */
    private static final int READ_TIMEOUT_SECONDS = 120;
    @TempDir
    static Path dir;
    private static Path keyStore;

    private JdbcDataSource db;
    private MessageStore store;
    private CamelContext inbound;
    private OutboundChannel outbound;
    private int port;

    @BeforeAll
    static void certificate() throws Exception {
        keyStore = dir.resolve("hl7-listener.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "hl7", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String out = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, keytool.exitValue(), out);
    }

    @BeforeEach
    void start() throws Exception {
        db = Hl7Fixtures.h2();
        port = Hl7Fixtures.freePort();
        ca.uhn.hl7v2.parser.PipeParser parser = Hl7Fixtures.parser();
        store = new MessageStore(db, "his");
        InboundHandler handler = InboundHandler.forChannel("his", store, parser)
                .maxBytes(200_000)
                .build();
        inbound = InboundChannel.start("his", "127.0.0.1", port, READ_TIMEOUT_SECONDS, handler,
                Tls.parameters(keyStore.toString(), PASSWORD, "", "", "NONE"));
    }

    @AfterEach
    void stop() throws Exception {
        if (outbound != null) {
            outbound.stop();
        }
        inbound.stop();
        store.close(); // its writer thread ends with the test
    }

    private static SSLContext trusting(Path store) throws Exception {
        java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    private static String adt(String controlId) {
        return "MSH|^~\\&|HIS|PILOT1|PEDICONSULT|PEDICONSULT|20261125083000||ADT^A01^ADT_A01|" + controlId
                + "|P|2.5.1|||||CHN|UNICODE UTF-8\rPID|1||HIS-1^^^PILOT1^MR||唐^小明||20220315|M\r";
    }

    @Test
    void aTlsSenderThatTrustsTheListenerGetsItsAck() throws Exception {
        try (SSLSocket socket = (SSLSocket) trusting(keyStore).getSocketFactory().createSocket("127.0.0.1", port)) {
            String ack = new MllpTestClient(socket).send(adt("TLS-1"));
            assertTrue(ack.contains("MSA|AA|TLS-1"), ack);
            assertTrue(socket.getSession().getProtocol().startsWith("TLSv1."), socket.getSession().getProtocol());
        }
    }

    @Test
    void aPlainTextSenderGetsNoAckAndNothingIsStored() throws Exception {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            // a hang detector, not the expected outcome: the listener refuses clear text by closing at
            // once; the listener's own read timeout (READ_TIMEOUT_SECONDS) is longer, so it cannot be
            // what closes the connection before this fires
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(MllpTestClient.frame(adt("PLAIN-1")));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] buf = new byte[4096];
            try {
                for (int n; (n = in.read(buf)) >= 0; ) {
                    answer.write(buf, 0, n);
                }
            } catch (SocketTimeoutException hang) {
                fail("the listener kept a clear-text connection open for 30 s instead of closing it; received: "
                        + hex(answer.toByteArray()));
            } catch (SocketException reset) {
                // closed with a reset rather than a FIN: refused as well
            }
        }
        byte[] got = answer.toByteArray();
        // closed, at most after a TLS alert record (content type 21): never an HL7 answer in clear text
        assertTrue(got.length == 0 || got[0] == 0x15, "only a TLS alert may come back: " + hex(got));
        assertFalse(new String(got, StandardCharsets.ISO_8859_1).contains("MSA|"), "no HL7 answer in clear text: " + hex(got));
        assertEquals(0, rows("PLAIN-1"));
    }

    private static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder(bytes.length + " bytes:");
        for (byte b : bytes) {
            s.append(String.format(" %02x", b));
        }
        return s.toString();
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateCannotConnect() throws Exception {
        try (SSLSocket socket = (SSLSocket) SSLContext.getDefault().getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000); // a hang fails it (SocketTimeoutException is not a handshake failure)
            assertThrows(javax.net.ssl.SSLHandshakeException.class, socket::startHandshake);
        }
    }

    @Test
    void anOutboundTlsChannelDeliversToTheTlsListener() throws Exception {
        Map<String, Object> cfg = new HashMap<>();
        cfg.put("name", "his-out");
        cfg.put("host", "127.0.0.1");
        cfg.put("port", port);
        cfg.put("settle_millis", 0);
        cfg.put("tls_enabled", true);
        cfg.put("tls_truststore_path", keyStore.toString());
        cfg.put("tls_truststore_password", PASSWORD);
        BundleContext context = mock(BundleContext.class);
        when(context.getBundle()).thenReturn(mock(Bundle.class));
        outbound = new OutboundChannel(db, (bundle, module) -> 0, Clock.systemUTC(), mock(AuditTrail.class),
                new RecordingOutbox(), Hl7Fixtures.config(OutboundChannelConfig.class, cfg),
                context);
        ADT_A01 adt = new ADT_A01();
        adt.initQuickstart("ADT", "A01", "P");
        adt.getPID().getPatientName(0).getFamilyName().getSurname().setValue("唐");
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            outbound.enqueue(c, new DomainEvent(UUID.randomUUID().toString(), "consultation", "registered", 1,
                    Instant.now(), "k-1", "{}"), 1, "c-1", adt);
            c.commit();
        }
        outbound.wake();
        await().atMost(Duration.ofSeconds(30)).until(() -> sentOutbound() == 1);
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT raw FROM hl7_message WHERE direction = 'IN'")) {
            assertTrue(rs.next(), "the listener stored what came over TLS");
            assertTrue(rs.getString(1).contains("唐"));
        }
    }

    private long sentOutbound() throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM hl7_message WHERE direction = 'OUT' AND outcome = 'SENT'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long rows(String controlId) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM hl7_message WHERE control_id = '" + controlId + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
