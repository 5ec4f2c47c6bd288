package dev.portcullis.web;

import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Python's reading of numbers and whitespace, which DRF's fields and paginators inherit: {@code int(" 12 ")}
 * is 12, {@code int("1_000")} is 1000, {@code int("١٢")} is 12, and {@code str.strip()} removes non-breaking
 * spaces too.
 */
public final class PythonText {

    private PythonText() {
    }

    /**
     * A regular expression as Python's {@code re} reads it for text: {@code \d} is any decimal digit of Unicode
     * ({@code "١٠:٣٠"} is a time to Django's parsers), which {@link Integer#parseInt} reads too. Python's {@code $}
     * also matches before a newline that ends the text: write it as {@code \n?} at the end of a whole match.
     */
    public static Pattern regex(String regex) {
        return Pattern.compile(regex, Pattern.UNICODE_CHARACTER_CLASS);
    }

    /** {@code str.strip()}: Unicode whitespace, which Java's {@code String.strip()} reads more narrowly. */
    public static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    public static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || (c >= 0x1c && c <= 0x1f) || c == 0x85;
    }

    /** {@code int(text)}, or empty where Python raises {@code ValueError}. */
    public static Optional<BigInteger> parseInt(String text) {
        String digits = strip(text);
        int start = !digits.isEmpty() && (digits.charAt(0) == '+' || digits.charAt(0) == '-') ? 1 : 0;
        if (start == digits.length()) {
            return Optional.empty();
        }
        StringBuilder ascii = new StringBuilder(digits.length());
        if (digits.charAt(0) == '-') {
            ascii.append('-');
        }
        boolean afterDigit = false;
        for (int i = start; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c == '_' && afterDigit && i + 1 < digits.length()) {
                afterDigit = false;
                continue;
            }
            int value = Character.digit(c, 10);
            if (value < 0 || !Character.isDigit(c)) {
                return Optional.empty();
            }
            ascii.append((char) ('0' + value));
            afterDigit = true;
        }
        return afterDigit ? Optional.of(new BigInteger(ascii.toString())) : Optional.empty();
    }

    /** {@code datetime.date(year, month, day)}, or empty where Python raises {@code ValueError} (its years begin at 1). */
    public static Optional<LocalDate> date(int year, int month, int day) {
        if (year < 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** DRF's {@code _positive_int}: negative (or, when strict, zero) is an error; above the cutoff is the cutoff. */
    public static Optional<BigInteger> positiveInt(String text, boolean strict, Long cutoff) {
        return parseInt(text).filter(value -> value.signum() > 0 || (value.signum() == 0 && !strict))
                .map(value -> cutoff != null ? value.min(BigInteger.valueOf(cutoff)) : value);
    }
}
