package dev.portcullis.security.throttle;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whose address a request is counted under behind proxies: the forwarded list is read from the right, past the
 * trusted proxies — a proxy that appends (AWS ALB, Google's load balancers, Envoy) leaves the client's own entries
 * on the left, where they cannot choose the address.
 */
class ClientAddressesTest {

    private static ClientAddresses trusting(String trustedProxies) {
        return new ClientAddresses(true, false, Optional.empty(), "forwarded",
                trustedProxies.isEmpty() ? Optional.empty() : Optional.of(Arrays.asList(trustedProxies.split(";"))));
    }

    private static List<String> hops(String forwardedFor) {
        return ForwardedHeaders.xForwardedFor(forwardedFor.isEmpty() ? List.of() : List.of(forwardedFor));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a client's own entry is left of the one the proxy appended | 127.0.0.1;10.0.0.0/8 | 127.0.0.1   | 198.51.100.7, 203.0.113.9             | 203.0.113.9",
            "a forged chain of many entries changes nothing             | 127.0.0.1;10.0.0.0/8 | 127.0.0.1   | 1.1.1.1, 2.2.2.2, 3.3.3.3, 203.0.113.9 | 203.0.113.9",
            "proxies in the cluster are skipped                          | 127.0.0.1;10.0.0.0/8 | 127.0.0.1   | 198.51.100.7, 203.0.113.9, 10.4.0.3    | 203.0.113.9",
            "a peer that is no trusted proxy is the client               | 10.0.0.0/8           | 192.0.2.44  | 203.0.113.9                            | 192.0.2.44",
            "a trusted peer without the header is the client             | 10.0.0.0/8           | 10.1.2.3    |                                        | 10.1.2.3",
            "only trusted proxies forwarded: the farthest is the client  | 10.0.0.0/8           | 10.1.2.3    | 10.9.9.9, 10.8.8.8                     | 10.9.9.9",
            "entries with ports are one address                          | 10.0.0.0/8           | 10.1.2.3    | 203.0.113.9:50123                      | 203.0.113.9",
            "IPv6 entries, bracketed with a port or bare, one spelling   | ::1;10.0.0.0/8       | ::1         | [2001:db8:0:0::1]:443, 10.0.0.1        | 2001:db8:0:0:0:0:0:1",
            "IPv6 networks                                               | fd00::/8             | fd00::5     | 2001:db8::7, fd12::1                   | 2001:db8:0:0:0:0:0:7",
            "no trusted proxies listed: one proxy in front, the last entry | ''                 | 10.1.2.3    | 198.51.100.7, 203.0.113.9              | 203.0.113.9",
            "an entry that is no address, on the left, is never reached  | 10.0.0.0/8           | 10.1.2.3    | unknown, 203.0.113.9                   | 203.0.113.9",
    })
    void theClientIsTheNearestUntrustedHop(String name, String trusted, String peer, String forwardedFor, String client) {
        assertEquals(client, trusting(trusted).clientOf(ForwardedHeaders.normalized(peer), hops(forwardedFor == null ? "" : forwardedFor)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "for= of each element, nearest last | for=192.0.2.60;proto=https, for=\"[2001:db8::1]:4711\";by=10.0.0.1 | 192.0.2.60 2001:db8:0:0:0:0:0:1",
            "names in any case, a port dropped  | For=198.51.100.17:8080                                            | 198.51.100.17",
            "obfuscated identifiers kept as sent | for=_hidden, for=unknown                                         | _hidden unknown",
            "a long identifier, its first 64 characters | for=%s                                                  | %s",
    })
    void theForwardedHeaderIsReadAsRfc7239(String name, String header, String addresses) {
        String identifier = "x".repeat(10_000);  // a client writing its own header, as long as headers go
        assertEquals(List.of(addresses.formatted(identifier.substring(0, 64)).split(" ")),
                ForwardedHeaders.forwardedFor(List.of(header.formatted(identifier))));
    }

    @ParameterizedTest(name = "{0} is refused at start-up")
    @ValueSource(strings = {"10.0.0.1:8080", "[::1]:80", "ingress:443", "10.0.0.0/x", "10.0.0.0/33"})
    void aTrustedProxyNamedWithAPortOrABadNetworkIsRefused(String entry) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> trusting(entry));
        assertTrue(refused.getMessage().contains(entry) || entry.endsWith("/33"), refused.getMessage());
    }
}
