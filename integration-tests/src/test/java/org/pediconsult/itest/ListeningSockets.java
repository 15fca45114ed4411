package org.pediconsult.itest;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The TCP sockets a process listens on, read from Linux's /proc (what {@code ss -ltnp} shows, without
 * depending on it): the socket inodes among /proc/&lt;pid&gt;/fd, looked up in /proc/&lt;pid&gt;/net/tcp
 * and tcp6 (state 0A = LISTEN).
 */
final class ListeningSockets {
    /** One listening socket: its local address and port. */
    record Listener(InetAddress address, int port) {
        boolean loopbackOnly() {
            // an IPv4-mapped ::ffff:127.0.0.1 is loopback too (Java binds IPv4 addresses on a dual-stack socket)
            return address.isLoopbackAddress();
        }

        boolean everyInterface() {
            return address.isAnyLocalAddress();
        }

        @Override
        public String toString() {
            return address.getHostAddress() + ":" + port;
        }
    }

    private ListeningSockets() {
    }

    static List<Listener> of(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (var fds = Files.list(Paths.get("/proc", String.valueOf(pid), "fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // a descriptor closed while listing: not a listener we look for
                }
            }
        }
        List<Listener> listeners = new ArrayList<>();
        for (String table : List.of("tcp", "tcp6")) {
            Path file = Paths.get("/proc", String.valueOf(pid), "net", table);
            if (!Files.exists(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
                if (f.length > 9 && "0A".equals(f[3]) && inodes.contains(f[9])) {
                    String[] local = f[1].split(":");
                    listeners.add(new Listener(address(local[0]), Integer.parseInt(local[1], 16)));
                }
            }
        }
        return listeners;
    }

    /** /proc's hex address: 4-byte words, each in host (little-endian) byte order. */
    private static InetAddress address(String hex) throws UnknownHostException {
        byte[] raw = HexFormat.of().parseHex(hex);
        byte[] address = new byte[raw.length];
        for (int word = 0; word < raw.length; word += 4) {
            for (int i = 0; i < 4; i++) {
                address[word + i] = raw[word + 3 - i];
            }
        }
        return InetAddress.getByAddress(address);
    }
}
