package org.pediconsult.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Attack surface, listeners (issue 12: SSH 8101, HTTP 8181 and MLLP 2575 used to listen on every
 * interface, so anyone on the hospital network could reach the console with the demo password, read
 * passwords and records in clear over HTTP, or write HL7). On the distribution as shipped only HTTPS
 * listens beyond this machine; HTTP, SSH and MLLP (and anything else the JVM opens) listen on
 * 127.0.0.1. Checked twice: from the kernel's socket table of the Karaf JVM, and by connecting from
 * another network namespace, i.e. from a non-loopback address as another host would.
 */
class ListenersIT {
    private static KarafProcess karaf;
    private static long pid;

    @BeforeAll
    static void shippedDistribution() throws Exception {
        karaf = AttackedDistribution.get();
        pid = karaf.jvm().orElseThrow(() -> new AssertionError("the attacked distribution runs")).pid();
    }

    @Test
    void onlyHttpsListensOnEveryInterfaceEverythingElseOnLoopback() throws Exception {
        List<ListeningSockets.Listener> listeners = ListeningSockets.of(pid);
        Map<Integer, List<ListeningSockets.Listener>> byPort = listeners.stream()
                .collect(Collectors.groupingBy(ListeningSockets.Listener::port));
        String all = "listeners of the Karaf JVM: " + listeners;
        for (int port : new int[] {karaf.httpPort(), karaf.sshPort(), karaf.mllpPort()}) {
            assertTrue(byPort.containsKey(port), "port " + port + " listens; " + all);
            assertTrue(byPort.get(port).stream().allMatch(ListeningSockets.Listener::loopbackOnly),
                    "port " + port + " listens on 127.0.0.1 only; " + all);
        }
        assertTrue(byPort.containsKey(karaf.httpsPort()), "HTTPS listens; " + all);
        assertTrue(byPort.get(karaf.httpsPort()).stream().allMatch(ListeningSockets.Listener::everyInterface),
                "HTTPS listens on every interface (0.0.0.0 or ::); " + all);
        List<ListeningSockets.Listener> open = listeners.stream()
                .filter(l -> l.port() != karaf.httpsPort() && !l.loopbackOnly()).toList();
        assertEquals(List.of(), open, "nothing but HTTPS listens beyond loopback; " + all);
    }

    @Test
    void fromAnotherHostOnlyHttpsAnswers() throws Exception {
        int uid = NetworkNamespace.uid();
        assumeTrue(uid == 0, "skipped: connecting from another address needs a network namespace, which needs root "
                + "(CI runs as root); this JVM runs as uid " + uid + ". The socket-table test above still ran.");
        try (NetworkNamespace otherHost = NetworkNamespace.create()) {
            String from = " from a network namespace to " + otherHost.hostAddress();
            assertTrue(otherHost.canConnect(karaf.httpsPort()), "HTTPS accepts a connection" + from);
            assertFalse(otherHost.canConnect(karaf.httpPort()), "plain HTTP refuses a connection" + from);
            assertFalse(otherHost.canConnect(karaf.sshPort()), "the SSH console refuses a connection" + from);
            assertFalse(otherHost.canConnect(karaf.mllpPort()), "the MLLP listener refuses a connection" + from);
        }
    }
}
