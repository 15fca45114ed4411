package org.pediconsult.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

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
 * the signing key and a persistent broker message kept, and the shell answering over SSH.
 */
class WarmRestartIT {
    private static KarafProcess karaf;
    private static String broker;

    @BeforeAll
    static void unpack() throws Exception {
        karaf = KarafProcess.unpack("warm-restart");
        broker = karaf.openBroker();
    }

    @AfterAll
    static void stop() throws Exception {
        if (karaf != null) {
            karaf.close();
        }
    }

    @Test
    void secondStartOnWarmDataKeepsDataKeyAndMessages() throws Exception {
        karaf.start();
        karaf.awaitHealthUp();
        String auditor = karaf.token("auditor.chen");
        long recordsBefore = recordsChecked(auditor);
        String sent = "唐小明 restart check " + System.nanoTime();
        sendToQueue(sent);

        karaf.stop();
        assertFalse(karaf.jvm().isPresent(), "the first Karaf JVM ended");

        karaf.start();
        karaf.awaitHealthUp();
        assertTrue(recordsChecked(auditor) >= recordsBefore + 1,
                "the audit trail written before the restart is still there and the old token still verifies");
        assertEquals(sent, receiveFromQueue());
        // the operator's view of the same chain, through bin/client over SSH
        String printed = karaf.shell("pediconsult:audit-verify");
        assertTrue(printed.contains("intact"), printed);
    }

    private static long recordsChecked(String bearer) throws Exception {
        JsonNode verified = karaf.getJson("/api/audit/verify", bearer);
        assertTrue(verified.path("intact").asBoolean(), verified.toString());
        return verified.path("recordsChecked").asLong();
    }

    private static void sendToQueue(String text) throws Exception {
        try (Connection c = new ActiveMQConnectionFactory(broker).createConnection()) {
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer p = s.createProducer(s.createQueue("pediconsult.itest.restart"));
            p.setDeliveryMode(DeliveryMode.PERSISTENT);
            p.send(s.createTextMessage(text));
        }
    }

    private static String receiveFromQueue() throws Exception {
        try (Connection c = new ActiveMQConnectionFactory(broker).createConnection()) {
            c.start();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = s.createConsumer(s.createQueue("pediconsult.itest.restart"));
            TextMessage m = (TextMessage) consumer.receive(20_000);
            assertNotNull(m, "the persistent message survived the restart");
            return m.getText();
        }
    }
}
