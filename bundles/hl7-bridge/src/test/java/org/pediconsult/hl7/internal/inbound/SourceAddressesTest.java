package org.pediconsult.hl7.internal.inbound;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;

class SourceAddressesTest {
    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    @Test
    void emptyAcceptsEveryAddress() throws Exception {
        assertTrue(SourceAddresses.parse("").allows(ip("203.0.113.9")));
        assertTrue(SourceAddresses.parse(" , ").allows(ip("::1")));
        assertTrue(SourceAddresses.parse(null).acceptsAll());
    }

    @Test
    void addressesAndBlocksOfBothFamilies() throws Exception {
        SourceAddresses his = SourceAddresses.parse("10.1.2.3, 192.168.8.0/22 ,fd00:1::/32, 127.0.0.1");
        assertTrue(his.allows(ip("10.1.2.3")));
        assertFalse(his.allows(ip("10.1.2.4")));
        assertTrue(his.allows(ip("192.168.8.1")));
        assertTrue(his.allows(ip("192.168.11.254")));
        assertFalse(his.allows(ip("192.168.12.1")));
        assertTrue(his.allows(ip("fd00:1:ffff::5")));
        assertFalse(his.allows(ip("fd00:2::5")));
        assertTrue(his.allows(ip("127.0.0.1")));
        assertFalse(his.allows(ip("127.0.0.2")));
        assertFalse(his.allows(ip("::1")), "an IPv6 address never matches an IPv4 entry");
        assertFalse(his.allows(null));
        assertTrue(SourceAddresses.parse("0.0.0.0/0").allows(ip("198.51.100.7")));
        assertTrue(SourceAddresses.parse("10.0.0.0/9").allows(ip("10.127.0.1")));
        assertFalse(SourceAddresses.parse("10.0.0.0/9").allows(ip("10.128.0.1")));
    }

    @Test
    void anEntryThatIsNoAddressFailsTheChannel() {
        for (String bad : new String[] {"his.example.org", "10.1.2.3/33", "10.1.2/x", "10.1.2.3/-1", "::1/129", "10.1.2.3/", "10.1.2", "10.1.2.300"}) {
            assertThrows(IllegalArgumentException.class, () -> SourceAddresses.parse("10.0.0.1," + bad), bad);
        }
    }
}
