package org.pediconsult.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.apache.activemq.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The distribution as an operator runs it: unpacked, started with bin/start, stopped with bin/stop
 * and started again on the same (warm) data folder. Health must come back UP, with the database,
 * the signing key and a persistent broker message kept.
 */
class WarmRestartIT {
    private static final int HTTP = 18281;
    private static final String BROKER = "tcp://127.0.0.1:18616";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static Path home;

    @BeforeAll
    static void unpack() throws IOException {
        home = UnpackedDistribution.unpack("warm-restart");
        append("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port = " + HTTP);
        append("etc/org.apache.karaf.shell.cfg", "sshPort = 18201");
        append("etc/org.pediconsult.hl7.inbound-his.cfg", "port = 18575");
        append("etc/org.pediconsult.messaging.cfg", "embedded.listen = " + BROKER);
    }

    @AfterAll
    static void stop() throws Exception {
        if (home != null) {
            karaf("stop");
        }
    }

    @Test
    void secondStartOnWarmDataKeepsDataKeyAndMessages() throws Exception {
        karaf("start");
        awaitHealthUp();
        String auditor = token("auditor.chen");
        long recordsBefore = recordsChecked(auditor);
        String sent = "唐小明 restart check " + System.nanoTime();
        sendToQueue(sent);

        long pid = Long.parseLong(Files.readString(home.resolve("karaf.pid")).trim());
        karaf("stop");
        await().atMost(Duration.ofSeconds(90)).until(() -> ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true));

        karaf("start");
        awaitHealthUp();
        assertTrue(recordsChecked(auditor) >= recordsBefore + 1,
                "the audit trail written before the restart is still there and the old token still verifies");
        assertEquals(sent, receiveFromQueue());
    }

    private static void karaf(String command) throws Exception {
        assertTrue(UnpackedDistribution.karaf(home, command), "bin/" + command + " returns");
    }

    private static void awaitHealthUp() {
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> get("/api/health", null).statusCode() == 200);
    }

    private static HttpResponse<String> get(String path, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + HTTP + path))
                .timeout(Duration.ofSeconds(10));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(String user) throws Exception {
        HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + HTTP + "/api/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\"pediconsult\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
    }

    private static long recordsChecked(String bearer) throws Exception {
        HttpResponse<String> r = get("/api/audit/verify", bearer);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"intact\":true"), r.body());
        return Long.parseLong(r.body().replaceAll(".*\"recordsChecked\":(\\d+).*", "$1"));
    }

    private static void sendToQueue(String text) throws Exception {
        try (Connection c = new ActiveMQConnectionFactory(BROKER).createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(s.createQueue("pediconsult.itest.restart"));
            p.setDeliveryMode(DeliveryMode.PERSISTENT);
            p.send(s.createTextMessage(text));
        }
    }

    private static String receiveFromQueue() throws Exception {
        try (Connection c = new ActiveMQConnectionFactory(BROKER).createConnection()) {
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = s.createConsumer(s.createQueue("pediconsult.itest.restart"));
            TextMessage m = (TextMessage) consumer.receive(20_000);
            assertNotNull(m, "the persistent message survived the restart");
            return m.getText();
        }
    }

    private static void append(String file, String line) throws IOException {
        UnpackedDistribution.append(home, file, line);
    }
}
