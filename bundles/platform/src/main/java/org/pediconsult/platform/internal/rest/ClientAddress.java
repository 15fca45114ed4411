package org.pediconsult.platform.internal.rest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import javax.servlet.http.HttpServletRequest;

/**
 * Where a request comes from: the TCP peer's address, as the servlet container sees it. Only when
 * that peer is one of the configured trusted proxies ({@code trusted.proxies} in
 * {@code etc/org.pediconsult.rest.cfg}) is {@code X-Forwarded-For} read, from the right: the first
 * address that is not itself a trusted proxy is the client. A client cannot choose its own address
 * by sending the header, since nobody's header is read unless it came through a listed proxy.
 */
final class ClientAddress {
    static final String HEADER = "X-Forwarded-For";

    private final List<Network> trusted;

    /** @param trustedProxies addresses or CIDR networks ({@code 10.0.0.5}, {@code 10.1.0.0/16}, {@code fd00::/8}) */
    ClientAddress(String[] trustedProxies) {
        List<Network> list = new ArrayList<>();
        if (trustedProxies != null) {
            for (String entry : trustedProxies) {
                for (String one : entry.split(",")) {
                    if (!one.isBlank()) {
                        list.add(Network.parse(one.trim()));
                    }
                }
            }
        }
        this.trusted = List.copyOf(list);
    }

    String of(HttpServletRequest request) {
        return of(request.getRemoteAddr(), request.getHeaders(HEADER) == null ? List.of()
                : java.util.Collections.list(request.getHeaders(HEADER)));
    }

    /** The client of a connection from {@code peer} that carried these X-Forwarded-For header values. */
    String of(String peer, List<String> forwardedFor) {
        if (trusted.isEmpty() || !isTrusted(peer) || forwardedFor.isEmpty()) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String value : forwardedFor) {
            for (String hop : value.split(",")) {
                hops.add(hop.trim());
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            byte[] hop = literal(hops.get(i));
            if (hop == null) {
                return peer; // garbage in the header: the peer is all we know
            }
            if (!isTrusted(hop)) {
                return hops.get(i);
            }
        }
        return peer;
    }

    private boolean isTrusted(String address) {
        byte[] bytes = literal(address);
        return bytes != null && isTrusted(bytes);
    }

    private boolean isTrusted(byte[] address) {
        for (Network n : trusted) {
            if (n.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** The address bytes of an IP literal, null for anything else (never a DNS lookup). */
    static byte[] literal(String text) {
        if (text == null || text.isEmpty() || !text.matches("[0-9A-Fa-f:.]+")) {
            return null;
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** An address with a prefix length. */
    private record Network(byte[] base, int bits) {
        static Network parse(String text) {
            int slash = text.indexOf('/');
            byte[] base = literal(slash < 0 ? text : text.substring(0, slash));
            if (base == null) {
                throw new IllegalArgumentException("trusted.proxies: '" + text + "' is not an IP address or CIDR network");
            }
            int bits = slash < 0 ? base.length * 8 : Integer.parseInt(text.substring(slash + 1));
            if (bits < 0 || bits > base.length * 8) {
                throw new IllegalArgumentException("trusted.proxies: bad prefix length in '" + text + "'");
            }
            return new Network(base, bits);
        }

        boolean contains(byte[] address) {
            if (address.length != base.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >>> (i % 8);
                if ((address[i / 8] & mask) != (base[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
