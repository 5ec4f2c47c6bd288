package dev.portcullis.outage;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Latency and status figures of a set of answers: what the outage test asserts and prints. */
record Latencies(int count, long p50, long p95, long max, Map<Integer, Long> byStatus) {

    static Latencies of(List<PhasedLoad.Answer> answers) {
        long[] millis = answers.stream().mapToLong(PhasedLoad.Answer::millis).sorted().toArray();
        return new Latencies(millis.length, percentile(millis, 50), percentile(millis, 95),
                millis.length == 0 ? 0 : millis[millis.length - 1], answers.stream().collect(Collectors.groupingBy(
                        PhasedLoad.Answer::status, TreeMap::new, Collectors.counting())));
    }

    /** Nearest-rank percentile. */
    private static long percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    @Override
    public String toString() {
        return "%d answers %s, p50 %d ms, p95 %d ms, max %d ms".formatted(count, byStatus, p50, p95, max);
    }

    /** The figures of each group of answers, by the key the group shares. */
    static <K> Map<K, Latencies> group(List<PhasedLoad.Answer> answers, Function<PhasedLoad.Answer, K> key) {
        return answers.stream().collect(Collectors.groupingBy(key, TreeMap::new,
                Collectors.collectingAndThen(Collectors.toList(), Latencies::of)));
    }
}
