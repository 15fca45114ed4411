package org.pediconsult.itest;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HIS connections of {@link Hl7CrashIT}: each sends its messages one after the other, each as
 * soon as the previous one's ACK came back, until the kill point, which is reached by a count of
 * ACKs in all, not by time. At the kill point each connection sends one more whole message, whose ACK
 * may or may not come before the kill, and then the first half of the next one, which cannot be
 * answered, and waits for the kill. So whatever the machine's speed, messages are in flight at the
 * kill (at least one unanswered frame per connection) and some were acknowledged before it.
 */
final class HisSenders {
    /** Control id -> the AA received for it. */
    final Map<String, String> acked = new ConcurrentHashMap<>();
    /** Control id (or "connection") -> what came instead of an AA before the kill. */
    final Map<String, String> refused = new ConcurrentHashMap<>();
    final AtomicInteger wholeFramesWritten = new AtomicInteger();
    /** Connections whose half frame was still unanswered when the kill closed them. */
    final AtomicInteger cutFramesUnanswered = new AtomicInteger();

    private final int port;
    private final int killAfterAcks;
    private final List<List<String>> perConnection;
    private final AtomicBoolean killPoint = new AtomicBoolean();
    private final AtomicBoolean killed = new AtomicBoolean();
    private final CountDownLatch parked;
    private final List<Thread> threads = new ArrayList<>();

    HisSenders(int port, int killAfterAcks, List<List<String>> perConnection) {
        this.port = port;
        this.killAfterAcks = killAfterAcks;
        this.perConnection = perConnection;
        this.parked = new CountDownLatch(perConnection.size());
    }

    void start() {
        for (int t = 0; t < perConnection.size(); t++) {
            List<String> mine = perConnection.get(t);
            Thread sender = new Thread(() -> send(mine), "his-sender-" + t);
            sender.setDaemon(true);
            threads.add(sender);
            sender.start();
        }
    }

    private void send(List<String> mine) {
        AtomicBoolean parkedHere = new AtomicBoolean();
        Runnable park = () -> {
            if (parkedHere.compareAndSet(false, true)) {
                parked.countDown();
            }
        };
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(120_000);
            for (int i = 0; i < mine.size(); i++) {
                // the last two messages are kept for the kill point, so every connection reaches it
                if (killPoint.get() || mine.size() - i <= 2) {
                    killPoint.set(true);
                    inFlightAtTheKill(socket, mine.get(i), mine.get(i + 1), park);
                    return;
                }
                wholeFramesWritten.incrementAndGet();
                record(mine.get(i), Mllp.exchange(socket, mine.get(i)));
                if (acked.size() >= killAfterAcks) {
                    killPoint.set(true);
                }
            }
        } catch (IOException e) {
            refused.put("connection", e.toString());
        } finally {
            park.run();
        }
    }

    /** One whole frame, half of the next, then waiting until the kill ends the connection. */
    private void inFlightAtTheKill(Socket socket, String whole, String cut, Runnable park) throws IOException {
        Mllp.send(socket, Mllp.frame(whole));
        wholeFramesWritten.incrementAndGet();
        byte[] frame = Mllp.frame(cut);
        Mllp.send(socket, Arrays.copyOf(frame, frame.length / 2));
        park.run();
        try {
            record(whole, Mllp.readAck(socket)); // answered before the kill
            String answer = Mllp.readAck(socket);
            refused.put(controlId(cut), "a frame cut in half was answered: " + answer.replace('\r', '/'));
        } catch (IOException closedByTheKill) {
            if (!killed.get()) {
                throw closedByTheKill;
            }
            cutFramesUnanswered.incrementAndGet();
        }
    }

    private void record(String message, String ack) {
        String id = controlId(message);
        if ("AA".equals(Mllp.msa(ack, 1)) && id.equals(Mllp.msa(ack, 2))) {
            acked.put(id, ack);
        } else {
            refused.put(id, ack.replace('\r', '/'));
        }
    }

    /** Whether every connection reached the kill point (or ended) within {@code limit}. */
    boolean awaitKillPoint(Duration limit) throws InterruptedException {
        return parked.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Called just before the kill: the connections' ends are expected from now on. */
    void killing() {
        killed.set(true);
    }

    /** Waits for every connection to end; answers whether they all did. */
    boolean awaitEnd(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        for (Thread t : threads) {
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        return threads.stream().noneMatch(Thread::isAlive);
    }

    static String controlId(String message) {
        return message.split("\r", 2)[0].split("\\|")[9];
    }
}
