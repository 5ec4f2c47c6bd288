package dev.portcullis.security.throttle;

import java.time.Duration;
import java.util.Locale;

/**
 * DRF's throttle rate, {@code "100/hour"}: so many requests per second, minute, hour or day (only the period's
 * first letter counts, as in DRF: {@code 5/min}, {@code 10/s}).
 */
public record Rate(int requests, Duration period) {

    /** A configured rate, or none where the setting is absent or {@code none} (DRF's {@code None}: not throttled). */
    public static java.util.Optional<Rate> configured(java.util.Optional<String> setting) {
        return setting.map(String::strip).filter(rate -> !rate.isEmpty() && !rate.equalsIgnoreCase("none")).map(Rate::parse);
    }

    public static Rate parse(String rate) {
        String[] parts = rate.strip().split("/");
        if (parts.length != 2 || parts[1].isBlank()) {
            throw new IllegalArgumentException("A rate is <requests>/<period>, e.g. 100/hour, not '" + rate + "'");
        }
        int requests;
        try {
            requests = Integer.parseInt(parts[0].strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("A rate is <requests>/<period>, e.g. 100/hour, not '" + rate + "'", e);
        }
        Duration period = switch (parts[1].strip().toLowerCase(Locale.ROOT).charAt(0)) {
            case 's' -> Duration.ofSeconds(1);
            case 'm' -> Duration.ofMinutes(1);
            case 'h' -> Duration.ofHours(1);
            case 'd' -> Duration.ofDays(1);
            default -> throw new IllegalArgumentException("A rate's period is s, m, h or d, not '" + rate + "'");
        };
        if (requests < 1) {
            throw new IllegalArgumentException("A rate allows at least one request, not '" + rate + "'");
        }
        return new Rate(requests, period);
    }

    /**
     * DRF's {@code wait()}: seconds until a request would be allowed, given how many are recorded in the current
     * period and how long ago the oldest was; {@code null} when DRF cannot say.
     */
    public Double wait(int recorded, double oldestAgeSeconds) {
        double remaining = recorded == 0 ? period.toSeconds() : period.toSeconds() - oldestAgeSeconds;
        int available = requests - recorded + 1;
        return available <= 0 ? null : remaining / available;
    }
}
