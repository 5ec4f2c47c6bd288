package dev.portcullis.security.throttle;

import io.netty.util.NetUtil;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads the addresses that {@code X-Forwarded-For} and RFC 7239's {@code Forwarded} carry, in the order sent. */
final class ForwardedHeaders {

    private ForwardedHeaders() {
    }

    /** {@code X-Forwarded-For: client, proxy1, proxy2} — over one or several header lines. */
    static List<String> xForwardedFor(List<String> lines) {
        List<String> addresses = new ArrayList<>();
        for (String line : lines) {
            for (String entry : line.split(",")) {
                if (!entry.isBlank()) {
                    addresses.add(normalized(withoutPort(entry.strip())));
                }
            }
        }
        return addresses;
    }

    /** {@code Forwarded: for=192.0.2.60;proto=https, for="[2001:db8::1]:4711"} — the {@code for} of each element. */
    static List<String> forwardedFor(List<String> lines) {
        List<String> addresses = new ArrayList<>();
        for (String line : lines) {
            for (String element : line.split(",")) {
                for (String pair : element.split(";")) {
                    String[] nameAndValue = pair.split("=", 2);
                    if (nameAndValue.length == 2 && nameAndValue[0].strip().toLowerCase(Locale.ROOT).equals("for")) {
                        addresses.add(normalized(withoutPort(unquoted(nameAndValue[1].strip()))));
                    }
                }
            }
        }
        return addresses;
    }

    private static String unquoted(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }

    /** {@code 192.0.2.1:4711} and {@code [2001:db8::1]:4711} without their ports; a bare IPv6 address as it is. */
    private static String withoutPort(String entry) {
        if (entry.startsWith("[")) {
            int close = entry.indexOf(']');
            return close < 0 ? entry : entry.substring(1, close);
        }
        int colon = entry.indexOf(':');
        return colon >= 0 && colon == entry.lastIndexOf(':') ? entry.substring(0, colon) : entry;
    }

    /**
     * One spelling per address ({@code ::1} and {@code 0:0:0:0:0:0:0:1} are one client); anything else as sent, up
     * to {@value #MAX_IDENTIFIER} characters. An identifier names a client's rate history, kept in memory or Redis,
     * and a client that reaches the service past its proxy writes its own (RFC 7239's are short: {@code _hidden}).
     */
    static String normalized(String address) {
        InetAddress literal = NetUtil.createInetAddressFromIpAddressString(address);
        if (literal != null) {
            return literal.getHostAddress();
        }
        return address.length() <= MAX_IDENTIFIER ? address : address.substring(0, MAX_IDENTIFIER);
    }

    static final int MAX_IDENTIFIER = 64;
}
