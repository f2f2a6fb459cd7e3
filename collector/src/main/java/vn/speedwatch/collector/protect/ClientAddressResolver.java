package vn.speedwatch.collector.protect;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Finds the real client address of a request: the peer address, or, when the peer is one of the
 * configured trusted proxies, the nearest untrusted address in {@code X-Forwarded-For}.
 *
 * <p>Untrusted peers cannot spoof their address with the header, which matters because the address
 * decides the rate limit and the device hash. Proxies are IPs or CIDR blocks.
 */
public final class ClientAddressResolver {

    private final List<Cidr> trusted;

    public ClientAddressResolver(List<String> trustedProxies) {
        this.trusted = trustedProxies.stream().map(Cidr::parse).toList();
    }

    /** The client address for a peer and its (possibly absent) X-Forwarded-For header. */
    public String resolve(String peer, String forwardedFor) {
        if (forwardedFor == null || !isTrusted(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        // Walk from the nearest hop: the first one not added by our own proxies is the client.
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (!hop.isEmpty() && !isTrusted(hop)) {
                return literalOr(hop, peer);
            }
        }
        return peer;
    }

    private boolean isTrusted(String address) {
        BigInteger value = Cidr.value(address);
        return value != null && trusted.stream().anyMatch(c -> c.contains(address, value));
    }

    private static String literalOr(String hop, String fallback) {
        return Cidr.value(hop) == null ? fallback : hop;
    }

    private record Cidr(int bytes, BigInteger network, int prefix) {

        static Cidr parse(String spec) {
            String[] parts = spec.trim().split("/");
            byte[] addr = literal(parts[0]);
            if (addr == null) {
                throw new IllegalArgumentException("collector.trusted-proxies: not an IP: " + spec);
            }
            int prefix = parts.length > 1 ? Integer.parseInt(parts[1]) : addr.length * 8;
            BigInteger network = mask(new BigInteger(1, addr), addr.length, prefix);
            return new Cidr(addr.length, network, prefix);
        }

        boolean contains(String address, BigInteger value) {
            byte[] addr = literal(address);
            return addr.length == bytes && mask(value, bytes, prefix).equals(network);
        }

        static BigInteger value(String address) {
            byte[] addr = literal(address);
            return addr == null ? null : new BigInteger(1, addr);
        }

        private static BigInteger mask(BigInteger value, int bytes, int prefix) {
            int hostBits = bytes * 8 - prefix;
            return value.shiftRight(hostBits).shiftLeft(hostBits);
        }

        /** The bytes of an IP literal; null for anything else, without a DNS lookup. */
        private static byte[] literal(String s) {
            String v = s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s;
            if (!isIpv4(v) && !(v.contains(":") && v.matches("[0-9a-fA-F:.]+"))) {
                return null;
            }
            try {
                return InetAddress.getByName(v).getAddress();
            } catch (UnknownHostException e) {
                return null;
            }
        }

        // Strict dotted quad, so that InetAddress never falls back to a DNS lookup.
        private static boolean isIpv4(String v) {
            String[] octets = v.split("\\.", -1);
            if (octets.length != 4) {
                return false;
            }
            for (String o : octets) {
                if (!o.matches("[0-9]{1,3}") || Integer.parseInt(o) > 255) {
                    return false;
                }
            }
            return true;
        }
    }
}
