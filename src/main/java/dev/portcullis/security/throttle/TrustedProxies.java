package dev.portcullis.security.throttle;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * The proxies whose forwarded headers are believed, as {@code quarkus.http.proxy.trusted-proxies} lists them:
 * addresses, networks in CIDR notation ({@code 10.0.0.0/8}) and host names (resolved once, at start-up).
 */
final class TrustedProxies {

    private final List<IpSubnetFilterRule> networks;
    private final List<String> entries;

    private TrustedProxies(List<IpSubnetFilterRule> networks, List<String> entries) {
        this.networks = networks;
        this.entries = entries;
    }

    /**
     * @throws IllegalArgumentException for an entry that names a port: which port a proxy connected from says
     *                                  nothing about who it is, so such an entry cannot be honoured here
     */
    static TrustedProxies parse(List<String> entries) {
        List<String> named = entries.stream().map(String::strip).filter(entry -> !entry.isEmpty()).toList();
        return new TrustedProxies(named.stream().map(TrustedProxies::network).toList(), named);
    }

    private static IpSubnetFilterRule network(String entry) {
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        if (address.startsWith("[") || address.chars().filter(c -> c == ':').count() == 1) {
            throw new IllegalArgumentException("quarkus.http.proxy.trusted-proxies: '" + entry + "' names a port; "
                    + "list the proxy's address or network only (10.0.0.7, 10.0.0.0/8)");
        }
        InetAddress literal = NetUtil.createInetAddressFromIpAddressString(address);
        int widest = literal == null || literal.getAddress().length == 4 ? 32 : 128;
        int prefix = slash < 0 ? widest : prefix(entry, entry.substring(slash + 1));
        return literal == null ? new IpSubnetFilterRule(address, prefix, IpFilterRuleType.ACCEPT)
                : new IpSubnetFilterRule(literal, prefix, IpFilterRuleType.ACCEPT);
    }

    private static int prefix(String entry, String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("quarkus.http.proxy.trusted-proxies: '" + entry
                    + "' is not an address or a network (10.0.0.0/8)", e);
        }
    }

    @Override
    public String toString() {
        return String.join(", ", entries);
    }

    boolean isEmpty() {
        return networks.isEmpty();
    }

    /** Whether the address (a literal; anything else is no proxy of ours) is one of the trusted proxies. */
    boolean trusts(String address) {
        InetAddress literal = NetUtil.createInetAddressFromIpAddressString(address);
        if (literal == null) {
            return false;
        }
        InetSocketAddress socket = new InetSocketAddress(literal, 0);
        for (IpSubnetFilterRule network : networks) {
            if (network.matches(socket)) {
                return true;
            }
        }
        return false;
    }
}
