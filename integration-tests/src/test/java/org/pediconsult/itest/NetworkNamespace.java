package org.pediconsult.itest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Another host on the network, as far as this machine's kernel can tell: a Linux network namespace
 * joined to this one by a veth pair on a private /30 (10.250.x.y). From inside it, this machine is
 * {@link #hostAddress()}, a non-loopback address: a listener bound to 127.0.0.1 refuses it, one
 * bound to every interface accepts it. Needs root (CAP_NET_ADMIN) and iproute2's {@code ip}.
 * {@link #close()} removes the namespace and both ends of the pair.
 */
final class NetworkNamespace implements AutoCloseable {
    private final String name;
    private final String hostLink;
    private final String hostAddress;

    private NetworkNamespace(String name, String hostLink, String hostAddress) {
        this.name = name;
        this.hostLink = hostLink;
        this.hostAddress = hostAddress;
    }

    /** The user id of this JVM (-1 when it cannot be read, e.g. not on Linux). */
    static int uid() {
        try {
            return (Integer) Files.getAttribute(Paths.get("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException e) {
            return -1;
        }
    }

    static NetworkNamespace create() throws Exception {
        String id = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));
        String name = "pcit-" + id;
        String hostLink = "pch" + id;   // interface names: at most 15 characters
        String nsLink = "pcn" + id;
        int third = ThreadLocalRandom.current().nextInt(256);
        int base = ThreadLocalRandom.current().nextInt(64) * 4;
        String prefix = "10.250." + third + ".";
        String host = prefix + (base + 1);
        String peer = prefix + (base + 2);
        NetworkNamespace ns = new NetworkNamespace(name, hostLink, host);
        try {
            run("ip", "netns", "add", name);
            run("ip", "link", "add", hostLink, "type", "veth", "peer", "name", nsLink);
            run("ip", "link", "set", nsLink, "netns", name);
            run("ip", "addr", "add", host + "/30", "dev", hostLink);
            run("ip", "link", "set", hostLink, "up");
            run("ip", "netns", "exec", name, "ip", "addr", "add", peer + "/30", "dev", nsLink);
            run("ip", "netns", "exec", name, "ip", "link", "set", nsLink, "up");
            run("ip", "netns", "exec", name, "ip", "link", "set", "lo", "up");
            return ns;
        } catch (Exception e) {
            ns.close();
            throw e;
        }
    }

    /** This machine's address as seen from the namespace (not loopback). */
    String hostAddress() {
        return hostAddress;
    }

    /** Whether a TCP connection from the namespace to this machine's address and port is accepted. */
    boolean canConnect(int port) throws Exception {
        Result r = exec(List.of("ip", "netns", "exec", name, "timeout", "10", "bash", "-c",
                "exec 3<>/dev/tcp/" + hostAddress + "/" + port));
        return r.exit == 0;
    }

    @Override
    public void close() throws Exception {
        exec(List.of("ip", "link", "del", hostLink));   // removes the peer in the namespace too
        exec(List.of("ip", "netns", "del", name));
    }

    private static void run(String... command) throws Exception {
        Result r = exec(List.of(command));
        if (r.exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + r.exit + ": " + r.output);
        }
    }

    private record Result(int exit, String output) {
    }

    private static Result exec(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError(String.join(" ", command) + " did not end within 30 s");
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim());
    }
}
