package dev.portcullis.web;

import java.net.IDN;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Django's {@code EmailValidator} and {@code URLValidator}, rule for rule: what a Django form or a DRF
 * {@code EmailField}/{@code URLField} accepts, and nothing else ({@code "><svg/onload=alert(1)>@x.com} is no
 * address). Internationalised domains are checked in their ASCII form, as Django checks them.
 */
public final class DjangoValidators {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern EMAIL_USER = Pattern.compile("[-!#$%&'*+/=?^_`{}|~0-9A-Z]+(\\.[-!#$%&'*+/=?^_`{}|~0-9A-Z]+)*"
            + "|\"([\\x01-\\x08\\x0b\\x0c\\x0e-\\x1f!#-\\[\\]-\\x7f]|\\\\[\\x01-\\x09\\x0b\\x0c\\x0e-\\x7f])*\"", FLAGS);
    private static final Pattern EMAIL_DOMAIN = Pattern.compile(
            "((?:[A-Z0-9](?:[A-Z0-9-]{0,61}[A-Z0-9])?\\.)+)(?:[A-Z0-9-]{2,63}(?<!-))", FLAGS);
    private static final Pattern EMAIL_LITERAL = Pattern.compile("\\[([A-f0-9:.]+)\\]", FLAGS);
    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    private static final String UL = "\\u00a1-\\uffff";
    private static final String URL_IPV4 = "(?:0|25[0-5]|2[0-4]\\d|1\\d?\\d?|[1-9]\\d?)(?:\\.(?:0|25[0-5]|2[0-4]\\d|1\\d?\\d?"
            + "|[1-9]\\d?)){3}";
    private static final String URL_HOST = "([a-z" + UL + "0-9](?:[a-z" + UL + "0-9-]{0,61}[a-z" + UL + "0-9])?"
            + "(?:\\.(?!-)[a-z" + UL + "0-9-]{1,63}(?<!-))*" + "\\.(?!-)(?:[a-z" + UL + "-]{2,63}|xn--[a-z0-9]{1,59})(?<!-)\\.?"
            + "|localhost)";
    private static final Pattern URL = Pattern.compile("(?:[a-z0-9.+-]*)://(?:[^\\s:@/]+(?::[^\\s:@/]*)?@)?(?:" + URL_IPV4
            + "|\\[[0-9a-f:.]+\\]|" + URL_HOST + ")(?::\\d{2,5})?(?:[/?#][^\\s]*)?", FLAGS);
    private static final Pattern NETLOC = Pattern.compile("([^:/?#]*)://([^/?#]*)(.*)", Pattern.DOTALL);
    private static final List<String> URL_SCHEMES = List.of("http", "https", "ftp", "ftps");

    private DjangoValidators() {
    }

    /** {@code validate_email}. */
    public static boolean isEmail(String value) {
        if (value == null || value.isEmpty() || value.indexOf('@') < 0 || value.length() > 320) {
            return false;
        }
        int at = value.lastIndexOf('@');
        String domain = value.substring(at + 1);
        if (!EMAIL_USER.matcher(value.substring(0, at)).matches()) {
            return false;
        }
        return domain.equals("localhost") || isEmailDomain(domain) || isEmailDomain(ascii(domain));
    }

    private static boolean isEmailDomain(String domain) {
        if (domain == null) {
            return false;
        }
        if (EMAIL_DOMAIN.matcher(domain).matches()) {
            return true;
        }
        Matcher literal = EMAIL_LITERAL.matcher(domain);
        return literal.matches() && isIpAddress(literal.group(1));
    }

    /** {@code URLValidator()} with its default schemes: http, https, ftp and ftps. */
    public static boolean isUrl(String value) {
        if (value == null || value.length() > 2048 || value.indexOf('\t') >= 0 || value.indexOf('\r') >= 0
                || value.indexOf('\n') >= 0) {
            return false;
        }
        String scheme = value.split("://", -1)[0].toLowerCase(Locale.ROOT);
        Matcher parts = NETLOC.matcher(value);
        if (!URL_SCHEMES.contains(scheme) || !parts.matches()) {
            return false;
        }
        String netloc = parts.group(2);
        if (!URL.matcher(value).matches()) {
            String asciiNetloc = ascii(netloc);
            if (asciiNetloc == null || !URL.matcher(parts.group(1) + "://" + asciiNetloc + parts.group(3)).matches()) {
                return false;
            }
        } else if (netloc.matches("\\[(.+)\\](?::\\d{2,5})?")) {
            String literal = netloc.substring(1, netloc.indexOf(']'));
            if (!literal.contains(":") || !isIpAddress(literal)) {
                return false;
            }
        }
        String host = hostname(netloc);
        return !host.isEmpty() && host.length() <= 253;
    }

    /** {@code urlsplit(value).hostname}: the netloc without its user, its port, and the brackets of an IPv6 literal. */
    private static String hostname(String netloc) {
        String host = netloc.substring(netloc.lastIndexOf('@') + 1);
        if (host.startsWith("[")) {
            return host.substring(1, Math.max(1, host.indexOf(']')));
        }
        int colon = host.indexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    /** An IPv4 address in dotted decimal, or an IPv6 address (parsed as a literal: never looked up). */
    private static boolean isIpAddress(String text) {
        if (IPV4.matcher(text).matches()) {
            return true;
        }
        if (!text.contains(":") || !text.matches("[0-9A-Fa-f:.]+")) {
            return false;
        }
        try {
            return java.net.InetAddress.getByName("[" + text + "]") != null;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** The ASCII form of an internationalised name, or {@code null} when it has none. */
    private static String ascii(String name) {
        try {
            return IDN.toASCII(name, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
