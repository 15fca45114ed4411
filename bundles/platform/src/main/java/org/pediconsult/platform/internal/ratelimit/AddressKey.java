package org.pediconsult.platform.internal.ratelimit;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The rate-limit key of a client address: IPv4 as is; IPv6 as its /64 network, since one host or
 * home router is handed a whole /64 and could otherwise take a fresh address per call. Only literal
 * addresses are parsed (never a DNS lookup); anything else is used as given.
 */
final class AddressKey {
    private AddressKey() {
    }

    static String of(String address) {
        String a = address.trim();
        if (a.startsWith("[") && a.endsWith("]")) {
            a = a.substring(1, a.length() - 1);
        }
        if (a.indexOf(':') < 0 || !a.matches("[0-9A-Fa-f:.]+")) {
            return a;
        }
        try {
            InetAddress parsed = InetAddress.getByName(a); // a literal: parsed, not looked up
            if (!(parsed instanceof Inet6Address)) {
                return parsed.getHostAddress(); // an IPv4-mapped IPv6 address
            }
            byte[] bytes = parsed.getAddress();
            for (int i = 8; i < 16; i++) {
                bytes[i] = 0;
            }
            return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return a;
        }
    }
}
