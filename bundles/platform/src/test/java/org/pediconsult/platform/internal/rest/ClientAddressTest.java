package org.pediconsult.platform.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClientAddressTest {
    @Test
    void withoutTrustedProxiesTheHeaderIsNeverRead() {
        ClientAddress addresses = new ClientAddress(new String[0]);
        assertEquals("203.0.113.9", addresses.of("203.0.113.9", List.of("10.0.0.1")));
        assertEquals("127.0.0.1", addresses.of("127.0.0.1", List.of("198.51.100.4")), "even from loopback");
    }

    @Test
    void aTrustedProxysHeaderNamesTheClientReadFromTheRight() {
        ClientAddress addresses = new ClientAddress(new String[] {"10.0.0.5", "192.168.0.0/16, fd00::/8"});
        assertEquals("198.51.100.4", addresses.of("10.0.0.5", List.of("198.51.100.4")));
        assertEquals("198.51.100.4", addresses.of("10.0.0.5", List.of("6.6.6.6, 198.51.100.4, 192.168.3.3")),
                "the client may prepend anything; the first untrusted hop from the right is the one our proxy saw");
        assertEquals("198.51.100.4", addresses.of("fd00::1", List.of("6.6.6.6", "198.51.100.4")), "several header lines");
        assertEquals("2001:db8::7", addresses.of("192.168.1.1", List.of("2001:db8::7")));
        assertEquals("10.0.0.5", addresses.of("10.0.0.5", List.of()), "no header: the proxy itself");
        assertEquals("10.0.0.5", addresses.of("10.0.0.5", List.of("evil.example")), "garbage: the proxy itself");
    }

    @Test
    void anUntrustedPeersHeaderIsIgnored() {
        ClientAddress addresses = new ClientAddress(new String[] {"10.0.0.5"});
        assertEquals("10.0.0.6", addresses.of("10.0.0.6", List.of("198.51.100.4")));
    }

    @Test
    void aBadSettingFailsLoudly() {
        assertThrows(IllegalArgumentException.class, () -> new ClientAddress(new String[] {"proxy.hospital"}));
        assertThrows(IllegalArgumentException.class, () -> new ClientAddress(new String[] {"10.0.0.0/33"}));
    }
}
