package org.pediconsult.itest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for the servers the tests start (Karaf's HTTP, SSH, MLLP and broker listeners, the HIS
 * receiver, a TURN server), so that two checkouts can run the suite at the same time on one machine.
 *
 * <p>A port is drawn at random from 20000-32767, below Linux's ephemeral range (32768-60999, where
 * outgoing connections and {@code bind(0)} take theirs) and coturn's relay range (40000-49999), must
 * be bindable now, and is reserved against the other test JVMs on this machine
 * with a lock on its byte in {@code <tmpdir>/pediconsult-it-ports.lock}: between the choice and the
 * moment Karaf binds it, often 10-20 s later, no other run using this class takes it. The operating
 * system drops the locks when the JVM ends, however it ends, so nothing stale is left behind; the
 * ports stay reserved for this JVM's lifetime (a run uses a few dozen).
 */
final class FreePorts {
    private static final int FROM = 20_000;
    private static final int TO = 32_767;
    private static final Path LOCK_FILE = Paths.get(System.getProperty("java.io.tmpdir"), "pediconsult-it-ports.lock");
    /** Never closed: closing any channel of the file would release every lock this JVM holds on it. */
    private static FileChannel locks;
    private static final Map<Integer, FileLock> HELD = new HashMap<>();

    private FreePorts() {
    }

    /** A TCP port nobody listens on, reserved for this JVM. */
    static int tcp() {
        return reserve(false);
    }

    /** A port free for both TCP and UDP (a TURN server listens on both), reserved for this JVM. */
    static int tcpAndUdp() {
        return reserve(true);
    }

    private static synchronized int reserve(boolean udpToo) {
        for (int attempt = 0; attempt < 500; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FROM, TO + 1);
            if (HELD.containsKey(port)) {
                continue;
            }
            FileLock lock = lock(port);
            if (lock == null) {
                continue; // another test JVM on this machine has it
            }
            if (bindable(port, udpToo)) {
                HELD.put(port, lock);
                return port;
            }
            release(lock);
        }
        throw new IllegalStateException("no free port between " + FROM + " and " + TO + " after 500 attempts");
    }

    private static FileLock lock(int port) {
        try {
            if (locks == null) {
                locks = FileChannel.open(LOCK_FILE, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            }
            return locks.tryLock(port, 1, false);
        } catch (OverlappingFileLockException ownedHere) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + LOCK_FILE, e);
        }
    }

    private static void release(FileLock lock) {
        try {
            lock.release();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a listener can bind the port on every interface now (as Karaf's do). */
    private static boolean bindable(int port, boolean udpToo) {
        try (ServerSocket tcp = new ServerSocket()) {
            tcp.setReuseAddress(false);
            tcp.bind(new InetSocketAddress(port));
        } catch (IOException taken) {
            return false;
        }
        if (udpToo) {
            try (DatagramSocket udp = new DatagramSocket(port)) {
                return true;
            } catch (IOException taken) {
                return false;
            }
        }
        return true;
    }
}
