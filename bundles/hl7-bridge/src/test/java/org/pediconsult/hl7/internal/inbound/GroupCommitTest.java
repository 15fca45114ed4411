package org.pediconsult.hl7.internal.inbound;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pediconsult.consultation.api.dto.HisPatient;
import org.pediconsult.hl7.internal.common.Hl7Fixtures;

/**
 * Group commit of the inbound store: many connections at once on a real socket and H2, copies of one
 * message racing on two connections, in one group and across stores, and a failing commit.
 */
class GroupCommitTest {
    private static final String ADT = "MSH|^~\\&|HIS|PILOT-CHILDRENS-HOSPITAL-1|PEDICONSULT|PEDICONSULT|20261125083000||ADT^A04^ADT_A01|%s|P|2.5.1|||||CHN|UNICODE UTF-8\r"
            + "EVN|A04|20261125083000\r"
            + "PID|1||HIS-%s^^^PILOT1^MR||唐^小明||20220315|M\r"
            + "NK1|1|唐^丽|MTH^Mother^HL70063\r";

    private final List<HisPatient> registered = new CopyOnWriteArrayList<>();
    private final AtomicBoolean failCommits = new AtomicBoolean();
    /** Commits that went through, and those made to fail. */
    private final AtomicInteger commits = new AtomicInteger();
    private final AtomicInteger failedCommits = new AtomicInteger();
    /** MSH-10 of every stored row once its commit has returned: what a sender may be acknowledged for. */
    private final Set<String> committed = ConcurrentHashMap.newKeySet();
    /** Per successful commit, in order, the MSH-10s it made durable (not committed before). */
    private final List<Set<String>> committedGroups = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch commitGate;
    /** Counted down when a commit reaches the gate: the writer is then inside its commit. */
    private final CountDownLatch commitHeld = new CountDownLatch(1);
    private JdbcDataSource h2;
    private DataSource db;
    private MessageStore store;
    private CamelContext camel;
    private int port;

    @BeforeEach
    void start() throws Exception {
        h2 = Hl7Fixtures.h2();
        db = faulty(h2);
        port = Hl7Fixtures.freePort();
        ca.uhn.hl7v2.parser.PipeParser parser = Hl7Fixtures.parser();
        store = new MessageStore(db, "his");
        InboundHandler handler = InboundHandler.forChannel("his", store, parser)
                .maxBytes(200_000)
                .patients(() -> (patient, source) -> {
                    registered.add(patient);
                    return "child-" + registered.size();
                })
                .build();
        camel = InboundChannel.start("his", "127.0.0.1", port, 30, handler);
    }

    @AfterEach
    void stop() {
        CountDownLatch gate = commitGate;
        if (gate != null) {
            gate.countDown(); // a test that failed while holding the writer lets it go
        }
        camel.stop();
        store.close();
    }

    /**
     * The test database, with commits that can be made to fail or be held at a gate, and that record
     * which messages each commit made durable.
     */
    private DataSource faulty(DataSource real) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(real, method, args);
                    if (!"getConnection".equals(method.getName())) {
                        return result;
                    }
                    Connection c = (Connection) result;
                    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                            (p, m, a) -> {
                                if (!"commit".equals(m.getName())) {
                                    return invoke(c, m, a);
                                }
                                CountDownLatch gate = commitGate;
                                if (gate != null) {
                                    commitHeld.countDown();
                                    gate.await(60, TimeUnit.SECONDS); // released by the test (or stop())
                                }
                                if (failCommits.get()) {
                                    failedCommits.incrementAndGet();
                                    throw new SQLException("disk full (test)", "53100");
                                }
                                // what this transaction sees is what committed before plus what it wrote
                                // itself (MessageStore writes a group in one transaction, one writer per
                                // store): all of it is durable once the commit below returns
                                Set<String> visible = controlIds(c);
                                c.commit();
                                synchronized (committed) {
                                    Set<String> group = new HashSet<>(visible);
                                    group.removeAll(committed);
                                    committed.addAll(visible);
                                    committedGroups.add(group);
                                }
                                commits.incrementAndGet();
                                return null;
                            });
                });
    }

    private static Set<String> controlIds(Connection c) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT control_id FROM hl7_message")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static String msa(String ack) {
        return Stream.of(ack.split("\r")).filter(s -> s.startsWith("MSA")).findFirst().orElse("no MSA in " + ack);
    }

    private Map<String, Long> outcomes() throws Exception {
        try (Connection c = h2.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT outcome, COUNT(*) FROM hl7_message GROUP BY outcome")) {
            Map<String, Long> m = new HashMap<>();
            while (rs.next()) {
                m.put(rs.getString(1), rs.getLong(2));
            }
            return m;
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = h2.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Runs one task per connection at once and returns their results. */
    private static <T> List<T> atOnce(int n, java.util.function.IntFunction<Callable<T>> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Callable<T> t = task.apply(i);
                futures.add(pool.submit(() -> {
                    go.await();
                    return t.call();
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(result(f));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A task's result; an assertion that failed in the task fails the test as itself. */
    private static <T> T result(Future<T> f) throws Exception {
        try {
            return f.get(120, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AssertionError failed) {
                throw failed;
            }
            throw e;
        }
    }

    private String sendOne(String controlId) throws Exception {
        try (MllpTestClient client = new MllpTestClient(port)) {
            return client.send(String.format(ADT, controlId, controlId));
        }
    }

    /**
     * Sends one message per id, each on its own connection: the first alone, whose commit is held at
     * the gate; then the others, and the gate opens once all of them wait for the writer, so they
     * arrived during that commit. Returns the ACKs in the order of {@code ids}.
     *
     * <p>At most three ids: the listener hands each connection to one of 2 x CPUs + 1 single-threaded
     * executors in turn (Camel's shared NettyConsumerExecutorGroup; three on a one-CPU machine), and a
     * connection that shares an executor with one whose handler waits for the held commit is not read
     * until that one is answered, so it could never join the waiting group.
     */
    private List<String> sendTheRestWhileTheFirstCommitIsHeld(List<String> ids) throws Exception {
        assertTrue(ids.size() <= 3, "no more connections than a one-CPU listener handles at once");
        ExecutorService pool = Executors.newFixedThreadPool(ids.size());
        try {
            commitGate = new CountDownLatch(1);
            List<Future<String>> acks = new ArrayList<>();
            acks.add(pool.submit(() -> sendOne(ids.get(0))));
            assertTrue(commitHeld.await(30, TimeUnit.SECONDS), "the writer is in the commit of " + ids.get(0));
            for (String id : ids.subList(1, ids.size())) {
                acks.add(pool.submit(() -> sendOne(id)));
            }
            // a condition reached, not a time waited: every other message is queued behind the held commit
            await().atMost(Duration.ofSeconds(30)).until(() -> store.queued() == ids.size() - 1);
            commitGate.countDown();
            List<String> answers = new ArrayList<>();
            for (Future<String> f : acks) {
                answers.add(result(f));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void eightConnectionsEachSendingManyMessagesAllGetAaAndEachIsStoredOnce() throws Exception {
        int perConnection = 150;
        List<List<String>> acks = atOnce(8, conn -> () -> {
            List<String> got = new ArrayList<>();
            try (MllpTestClient client = new MllpTestClient(port)) {
                for (int i = 0; i < perConnection; i++) {
                    String id = "C" + conn + "-" + i;
                    String ack = client.send(String.format(ADT, id, id));
                    assertTrue(msa(ack).startsWith("MSA|AA|" + id), ack);
                    // what group commit must keep: the ACK leaves only after the commit that stores it
                    assertTrue(committed.contains(id), "the AA for " + id + " reached the sender before its commit");
                    got.add(ack);
                }
            }
            return got;
        });
        assertEquals(8 * perConnection, acks.stream().mapToInt(List::size).sum());
        assertEquals(Map.of("PROCESSED", 8L * perConnection), outcomes());
        assertEquals(8L * perConnection, count("SELECT COUNT(*) FROM hl7_inbound_key"));
        assertEquals(8 * perConnection, registered.size());
        assertEquals(8 * perConnection, committed.size());
    }

    @Test
    void concurrentSendersShareCommits() throws Exception {
        // whatever arrives during a commit goes into the next one: two senders arrive while the first
        // sender's commit is held, and both are stored in the one commit after it
        List<String> ids = List.of("G0", "G1", "G2");
        List<String> acks = sendTheRestWhileTheFirstCommitIsHeld(ids);
        for (int i = 0; i < ids.size(); i++) {
            assertTrue(msa(acks.get(i)).startsWith("MSA|AA|" + ids.get(i)), acks.get(i));
        }
        assertEquals(Map.of("PROCESSED", 3L), outcomes());
        assertEquals(List.of(Set.of("G0"), Set.of("G1", "G2")), committedGroups,
                "the first alone, then the two that arrived during its commit, together");
        assertEquals(2, commits.get(), "two commits for three messages");
    }

    @Test
    void copiesSentAtOnceOnTwoConnectionsAreStoredOnceAsFirstAndOtherwiseAsDuplicatesWithTheSameAck() throws Exception {
        int messages = 60;
        List<List<String>> acks = atOnce(2, conn -> () -> {
            List<String> got = new ArrayList<>();
            try (MllpTestClient client = new MllpTestClient(port)) {
                for (int i = 0; i < messages; i++) {
                    got.add(client.send(String.format(ADT, "DUP-" + i, "D" + i)));
                }
            }
            return got;
        });
        for (int i = 0; i < messages; i++) {
            assertTrue(msa(acks.get(0).get(i)).startsWith("MSA|AA|DUP-" + i), acks.get(0).get(i));
            assertEquals(acks.get(0).get(i), acks.get(1).get(i), "both copies answered with the first ACK");
        }
        assertEquals(Map.of("PROCESSED", (long) messages, "DUPLICATE", (long) messages), outcomes());
        assertEquals(messages, count("SELECT COUNT(DISTINCT control_id) FROM hl7_message WHERE outcome = 'DUPLICATE'"));
        assertEquals(0, count("SELECT COUNT(*) FROM hl7_message m JOIN hl7_inbound_key k ON k.control_id = m.control_id "
                + "WHERE m.outcome = 'DUPLICATE' AND m.ack <> k.ack"), "every duplicate row holds the first ACK");
        assertEquals(messages, registered.size(), "each message processed once");
    }

    private static MessageStore.Entry entry(String controlId, String ack) {
        MessageStore.Entry e = new MessageStore.Entry();
        e.channel = "his";
        e.sender = "HIS^H1";
        e.controlId = controlId;
        e.type = "ADT^A01";
        e.version = "2.5.1";
        e.receivedAt = Instant.now();
        e.raw = "MSH|^~\\&|HIS|H1|||||ADT^A01|" + controlId + "|P|2.5.1\r";
        e.outcome = InboundOutcome.ACCEPTED;
        e.ack = ack;
        return e;
    }

    @Test
    void twoFirstsOfOneKeyInOneGroupMakeTheSecondADuplicateWithTheFirstAck() throws Exception {
        commitGate = new CountDownLatch(1); // hold the writer in its first commit while the next group queues
        CompletableFuture<MessageStore.Stored> before = store.store(entry("X1", "ACK-X1"));
        assertTrue(commitHeld.await(10, TimeUnit.SECONDS), "the writer is in its first commit");
        CompletableFuture<MessageStore.Stored> a = store.store(entry("K1", "ACK-A"));
        CompletableFuture<MessageStore.Stored> b = store.store(entry("K1", "ACK-B"));
        assertFalse(a.isDone() || b.isDone(), "nothing completes before its commit");
        commitGate.countDown();
        assertEquals(new MessageStore.Stored("ACK-X1", false), before.get(10, TimeUnit.SECONDS));
        assertEquals(new MessageStore.Stored("ACK-A", false), a.get(10, TimeUnit.SECONDS));
        assertEquals(new MessageStore.Stored("ACK-A", true), b.get(10, TimeUnit.SECONDS));
        assertEquals(2, commits.get(), "K1 and its copy went in one commit");
        assertEquals(Map.of("ACCEPTED", 2L, "DUPLICATE", 1L), outcomes());
    }

    @Test
    void aKeyClaimedByAnotherStoreMakesTheGroupFallBackToOneByOne() throws Exception {
        try (MessageStore other = new MessageStore(db, "his-2")) {
            assertEquals(new MessageStore.Stored("ACK-OTHER", false),
                    other.store(entry("K2", "ACK-OTHER")).get(10, TimeUnit.SECONDS));
        }
        commitGate = new CountDownLatch(1);
        CompletableFuture<MessageStore.Stored> before = store.store(entry("X2", "ACK-X2"));
        assertTrue(commitHeld.await(10, TimeUnit.SECONDS), "the writer is in its first commit");
        CompletableFuture<MessageStore.Stored> fresh = store.store(entry("K3", "ACK-K3"));
        CompletableFuture<MessageStore.Stored> lost = store.store(entry("K2", "ACK-MINE"));
        commitGate.countDown();
        before.get(10, TimeUnit.SECONDS);
        assertEquals(new MessageStore.Stored("ACK-K3", false), fresh.get(10, TimeUnit.SECONDS));
        assertEquals(new MessageStore.Stored("ACK-OTHER", true), lost.get(10, TimeUnit.SECONDS));
        assertEquals(Map.of("ACCEPTED", 3L, "DUPLICATE", 1L), outcomes());
        assertEquals(1, count("SELECT COUNT(*) FROM hl7_message WHERE control_id = 'K3'"), "K3 stored once");
    }

    @Test
    void aFailedCommitAnswersAeToEveryMemberAndTheNextMessageAfterRecoveryIsAccepted() throws Exception {
        failCommits.set(true);
        // F1 and F2 form one group behind F0's held commit: the second failed commit has two members
        List<String> answers = sendTheRestWhileTheFirstCommitIsHeld(List.of("F0", "F1", "F2"));
        for (String ack : answers) {
            assertTrue(msa(ack).startsWith("MSA|AE"), ack);
            assertTrue(ack.contains("send it again"), ack);
        }
        assertEquals(3, answers.size());
        assertEquals(2, failedCommits.get(), "F0 alone, then F1 and F2 in one group");
        assertEquals(Map.of(), outcomes(), "nothing of a failed commit is stored");
        failCommits.set(false);
        try (MllpTestClient client = new MllpTestClient(port)) {
            assertTrue(msa(client.send(String.format(ADT, "F0", "F0"))).startsWith("MSA|AA|F0"), "the resend is accepted");
            assertTrue(msa(client.send(String.format(ADT, "AFTER", "AFTER"))).startsWith("MSA|AA|AFTER"));
        }
        assertEquals(Map.of("PROCESSED", 2L), outcomes());
    }

    @Test
    void onAnH2FileDatabaseEachGroupIsForcedToDiskBeforeItsCallersComplete(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        JdbcDataSource file = new JdbcDataSource();
        file.setURL("jdbc:h2:file:" + dir.resolve("hl7") + ";DB_CLOSE_ON_EXIT=FALSE");
        Flyway.configure().dataSource(file).locations("classpath:db/migration/hl7").table("flyway_history_hl7").load().migrate();
        AtomicInteger checkpoints = new AtomicInteger();
        DataSource counting = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(file, method, args);
                    if (!"getConnection".equals(method.getName())) {
                        return result;
                    }
                    Connection c = (Connection) result;
                    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                            (p, m, a) -> {
                                Object r = invoke(c, m, a);
                                if ("createStatement".equals(m.getName())) {
                                    Statement s = (Statement) r;
                                    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Statement.class},
                                            (sp, sm, sa) -> {
                                                if ("execute".equals(sm.getName()) && "CHECKPOINT SYNC".equals(sa[0])) {
                                                    checkpoints.incrementAndGet();
                                                }
                                                return invoke(s, sm, sa);
                                            });
                                }
                                return r;
                            });
                });
        try (MessageStore onFile = new MessageStore(counting, "file")) {
            assertEquals(new MessageStore.Stored("ACK-F1", false), onFile.store(entry("F1", "ACK-F1")).get(10, TimeUnit.SECONDS));
            assertEquals(1, checkpoints.get(), "forced to disk before the caller was completed");
        }
    }
}
