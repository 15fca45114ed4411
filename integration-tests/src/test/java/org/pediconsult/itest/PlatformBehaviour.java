package org.pediconsult.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.inject.Inject;
import javax.sql.DataSource;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.junit.Test;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceRegistration;
import org.pediconsult.platform.api.Ids;
import org.pediconsult.platform.api.audit.AuditEntry;
import org.pediconsult.platform.api.audit.AuditTrail;
import org.pediconsult.platform.api.audit.AuditVerification;
import org.pediconsult.platform.api.event.DomainEvent;
import org.pediconsult.platform.api.event.EventListener;
import org.pediconsult.platform.api.event.EventOutbox;

/**
 * What the platform promises, checked in a real container against a real database and broker.
 * Run once per database by {@link DistributionH2IT} and {@link DistributionPostgresIT}, in the
 * container they share with the consultation tests (so with the consultation configuration of
 * {@link ConsultationTestSupport}, which these tests do not depend on).
 */
public abstract class PlatformBehaviour extends AccountsBehaviour {

    @Inject
    @Filter("(dataSourceName=pediconsult)")
    protected DataSource dataSource;

    @Inject
    protected EventOutbox outbox;

    @Inject
    protected AuditTrail audit;

    @Inject
    protected ConnectionFactory connectionFactory;

    /**
     * The database product the health check must report, set per container by {@link #postgres(String)} or defaults to H2
     * (a container system property: Pax Exam runs inherited test methods by their declaring class, so
     * an overridden method would not tell the containers apart).
     */
    private static String expectedDatabase() {
        return System.getProperty("pediconsult.it.database", "H2");
    }

    @Test
    public void everyBundleIsActive() {
        int ours = 0;
        for (Bundle b : bundleContext.getBundles()) {
            boolean fragment = b.getHeaders().get("Fragment-Host") != null;
            if (!fragment) {
                assertEquals("bundle " + b.getSymbolicName() + " state", Bundle.ACTIVE, b.getState());
            }
            if (b.getSymbolicName().startsWith("org.pediconsult.")) {
                ours++;
            }
        }
        assertTrue("platform-api, platform and messaging are installed, found " + ours, ours >= 3);
    }

    @Test
    public void healthIsUpWithDatabaseBrokerAndBundles() throws Exception {
        HttpResponse<String> health = http("GET", "/api/health", null, null);
        assertEquals(health.body(), 200, health.statusCode());
        assertTrue(health.body(), health.body().startsWith("{\"status\":\"UP\""));
        assertTrue(expectedDatabase() + " in " + health.body(), health.body().contains("\"database\":{\"status\":\"UP\",\"detail\":\"" + expectedDatabase()));
        assertTrue(health.body(), health.body().contains("\"broker\":{\"status\":\"UP\""));
    }

    @Test
    public void demoUserGetsTokenAndRolesAreEnforced() throws Exception {
        HttpResponse<String> login = login("auditor.chen", PASSWORD);
        assertEquals(200, login.statusCode());
        assertTrue(login.body(), login.body().contains("\"token_type\":\"Bearer\""));
        assertTrue(login.body(), login.body().contains("\"expires_in\":3600"));

        String auditor = token("auditor.chen");
        assertEquals(200, http("GET", "/api/audit/verify", auditor, null).statusCode());

        HttpResponse<String> forbidden = http("GET", "/api/audit/verify", token("guardian.tang"), null);
        assertEquals(403, forbidden.statusCode());
        assertEquals("application/problem+json", forbidden.headers().firstValue("Content-Type").orElse(""));
        assertTrue(forbidden.body(), forbidden.body().contains("\"code\":\"forbidden\""));
    }

    @Test
    public void missingOrBadTokenIs401Problem() throws Exception {
        HttpResponse<String> none = http("GET", "/api/audit/verify", null, null);
        assertEquals(401, none.statusCode());
        assertEquals("application/problem+json", none.headers().firstValue("Content-Type").orElse(""));
        assertTrue(none.body(), none.body().contains("\"code\":\"unauthenticated\""));

        String token = token("admin");
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        HttpResponse<String> bad = http("GET", "/api/audit/verify", tampered, null);
        assertEquals(401, bad.statusCode());
        assertTrue(bad.body(), bad.body().contains("\"code\":\"invalid_token\""));
        assertEquals(401, http("GET", "/api/audit/verify", "not-a-jwt", null).statusCode());
    }

    @Test
    public void badBodiesAreNamedProblems() throws Exception {
        HttpResponse<String> unknown = http("POST", "/api/auth/token", null,
                "{\"username\":\"dr.wang\",\"password\":\"x\",\"role\":\"ADMIN\"}");
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body(), unknown.body().contains("\"field\":\"role\""));

        HttpResponse<String> wrongType = http("POST", "/api/auth/token", null, "{\"username\":42,\"password\":\"x\"}");
        assertEquals(400, wrongType.statusCode());
        assertTrue(wrongType.body(), wrongType.body().contains("\"code\":\"invalid_type\"")
                && wrongType.body().contains("\"field\":\"username\""));

        HttpResponse<String> malformed = http("POST", "/api/auth/token", null, "{\"username\":");
        assertEquals(400, malformed.statusCode());
        assertTrue(malformed.body(), malformed.body().contains("\"code\":\"malformed_json\""));

        HttpResponse<String> missing = http("POST", "/api/auth/token", null, "{\"username\":\"dr.wang\"}");
        assertEquals(400, missing.statusCode());
        assertTrue(missing.body(), missing.body().contains("\"field\":\"password\""));

        String huge = "{\"username\":\"dr.wang\",\"password\":\"" + "x".repeat(1_100_000) + "\"}";
        HttpResponse<String> tooLarge = http("POST", "/api/auth/token", null, huge);
        assertEquals(413, tooLarge.statusCode());
        assertTrue(tooLarge.body(), tooLarge.body().contains("\"code\":\"body_too_large\""));
    }

    @Test
    public void repeatedWrongPasswordsLockTheAccount() throws Exception {
        // an account of its own: a demo user locked for 15 minutes would fail the other tests of this container
        String courier = "courier.lock" + java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000);
        Reply made = call("POST", "/api/accounts", token("admin"), Map.of("username", courier, "displayName", "赵锁",
                "roles", List.of("COURIER")));
        assertEquals(made.text, 201, made.status);
        String password = made.get("temporaryPassword");
        assertEquals(200, login(courier, password).statusCode());
        for (int attempt = 1; attempt <= 4; attempt++) {
            HttpResponse<String> wrong = login(courier, "wrong-" + attempt);
            assertEquals(401, wrong.statusCode());
            assertFalse("no password echoed", wrong.body().contains("wrong-" + attempt));
        }
        HttpResponse<String> fifth = login(courier, "wrong-5");
        assertEquals(423, fifth.statusCode());
        assertTrue(fifth.body(), fifth.body().contains("\"code\":\"account_locked\""));
        HttpResponse<String> rightButLocked = login(courier, password);
        assertEquals(423, rightButLocked.statusCode());
        assertTrue(rightButLocked.body(), rightButLocked.body().contains("locked"));
    }

    @Test
    public void outboxEventReachesListenerOnceAndRolledBackEventNever() throws Exception {
        List<DomainEvent> received = new CopyOnWriteArrayList<>();
        String consumer = "itest-" + Ids.newId().substring(0, 8);
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(EventListener.CONSUMER, consumer);
        props.put(EventListener.TOPICS, "pediconsult.itest.pinged");
        ServiceRegistration<EventListener> reg = bundleContext.registerService(EventListener.class,
                (event, tx) -> received.add(event), props);
        try {
            DomainEvent committed = outbox.newEvent("itest", "pinged", 1, "child-1", "{\"n\":1,\"名字\":\"唐小明\"}");
            DomainEvent rolledBack = outbox.newEvent("itest", "pinged", 1, "child-2", "{\"n\":2}");
            try (Connection tx = dataSource.getConnection()) {
                tx.setAutoCommit(false);
                outbox.append(tx, rolledBack);
                tx.rollback();
                outbox.append(tx, committed);
                tx.commit();
                tx.setAutoCommit(true);
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> !received.isEmpty());
            assertEquals(committed.eventId(), received.get(0).eventId());
            assertEquals("唐小明", received.get(0).dataJson().replaceAll(".*\"名字\":\"([^\"]+)\".*", "$1"));

            // the same event delivered again (as after a relay crash) is skipped by event id
            try (jakarta.jms.Connection jms = connectionFactory.createConnection()) {
                Session session = jms.createSession(false, Session.AUTO_ACKNOWLEDGE);
                MessageProducer producer = session.createProducer(session.createTopic("pediconsult.itest.pinged"));
                String wire = wireCopyOf(committed.eventId());
                TextMessage duplicate = session.createTextMessage(wire);
                producer.send(duplicate);
            }
            DomainEvent marker = outbox.newEvent("itest", "pinged", 1, "child-3", "{\"n\":3}");
            try (Connection tx = dataSource.getConnection()) {
                outbox.append(tx, marker);
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> received.stream().anyMatch(e -> e.eventId().equals(marker.eventId())));
            assertEquals(2, received.size());
            assertTrue(received.stream().noneMatch(e -> e.eventId().equals(rolledBack.eventId())));
        } finally {
            reg.unregister();
        }
    }

    private String wireCopyOf(String eventId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT body FROM platform_outbox WHERE event_id = ?")) {
            ps.setString(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getString(1);
            }
        }
    }

    @Test
    public void auditChainVerifiesAndTamperingIsFound() throws Exception {
        String marker = "itest " + Ids.newId();
        audit.record(new AuditEntry("dr.wang", AuditEntry.Action.READ, "child", "c-1", "c-1", marker));
        audit.record(new AuditEntry("dr.wang", AuditEntry.Action.UPDATE, "child", "c-1", "c-1", "身高 102 cm"));
        assertTrue(audit.verify().toString(), audit.verify().intact());
        long first = seqOf(marker);
        assertTrue(shell("pediconsult:audit-verify"), shell("pediconsult:audit-verify").contains("intact"));

        String original = detailOf(first);
        setDetail(first, "nothing to see");
        try {
            AuditVerification broken = audit.verify();
            assertFalse(broken.intact());
            assertEquals(Long.valueOf(first), broken.firstBrokenSeq());
            String printed = shell("pediconsult:audit-verify");
            assertTrue(printed, printed.contains("BROKEN at record " + first));
        } finally {
            setDetail(first, original);
        }
        assertNotNull(audit.verify());
        assertTrue(audit.verify().toString(), audit.verify().intact());
    }

    private long seqOf(String detail) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT seq FROM platform_audit WHERE detail = ?")) {
            ps.setString(1, detail);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue("sealed into the chain by verify()", rs.next());
                return rs.getLong(1);
            }
        }
    }

    private String detailOf(long seq) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT detail FROM platform_audit WHERE seq = ?")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getString(1);
            }
        }
    }

    private void setDetail(long seq, String detail) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE platform_audit SET detail = ? WHERE seq = ?")) {
            ps.setString(1, detail);
            ps.setLong(2, seq);
            assertEquals(1, ps.executeUpdate());
        }
    }
}
