package org.pediconsult.hl7.internal.inbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The sender addresses an inbound channel accepts connections from ({@code allowed.source.addresses}):
 * IPv4 or IPv6 addresses and CIDR blocks, comma-separated; empty accepts every address. Only literal
 * addresses: a host name would make the check depend on DNS.
 */
final class SourceAddresses {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private final List<Block> blocks;
    private final String text;

    private record Block(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private SourceAddresses(List<Block> blocks, String text) {
        this.blocks = blocks;
        this.text = text;
    }

    /**
     * Reads the setting; an entry that is not an address or CIDR block fails the channel (an allow-list
     * that silently drops a typo would let the wrong senders in or keep the right ones out).
     */
    static SourceAddresses parse(String setting) {
        List<Block> blocks = new ArrayList<>();
        for (String raw : setting == null ? new String[0] : setting.split(",")) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            int slash = entry.indexOf('/');
            String address = slash < 0 ? entry : entry.substring(0, slash);
            boolean v4 = IPV4.matcher(address).matches();
            if (v4 && java.util.Arrays.stream(address.split("\\.")).anyMatch(octet -> Integer.parseInt(octet) > 255)
                    || !v4 && !IPV6.matcher(address).matches()) {
                throw new IllegalArgumentException("allowed.source.addresses: '" + entry + "' is not an IP address or "
                        + "CIDR block (host names are not accepted)");
            }
            byte[] network;
            try {
                network = InetAddress.getByName(address).getAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("allowed.source.addresses: '" + entry + "' is not an IP address");
            }
            int prefix = network.length * 8;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(entry.substring(slash + 1).trim());
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new IllegalArgumentException("allowed.source.addresses: '" + entry + "' has no valid prefix "
                            + "length (0-" + network.length * 8 + ")");
                }
            }
            blocks.add(new Block(network, prefix));
        }
        return new SourceAddresses(List.copyOf(blocks), setting == null ? "" : setting.trim());
    }

    /** Whether a connection from {@code address} is accepted. */
    boolean allows(InetAddress address) {
        if (blocks.isEmpty()) {
            return true;
        }
        if (address == null) {
            return false;
        }
        byte[] bytes = address.getAddress();
        for (Block b : blocks) {
            if (b.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    boolean acceptsAll() {
        return blocks.isEmpty();
    }

    @Override
    public String toString() {
        return blocks.isEmpty() ? "any address" : text;
    }
}
