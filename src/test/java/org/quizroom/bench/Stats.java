package org.quizroom.bench;

import java.util.Arrays;

/** Latency samples in nanoseconds, summarised in milliseconds (nearest-rank percentiles). */
final class Stats {

    private long[] values = new long[1024];
    private int size;

    synchronized void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    synchronized void addAll(Stats other) {
        long[] copy = other.sorted();
        for (long v : copy) {
            add(v);
        }
    }

    synchronized int count() {
        return size;
    }

    synchronized long[] sorted() {
        long[] copy = Arrays.copyOf(values, size);
        Arrays.sort(copy);
        return copy;
    }

    /** The p-th percentile (0–100) in milliseconds, or NaN without samples. */
    double percentileMs(double p) {
        long[] s = sorted();
        if (s.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * s.length);
        return s[Math.min(Math.max(rank - 1, 0), s.length - 1)] / 1e6;
    }

    double maxMs() {
        long[] s = sorted();
        return s.length == 0 ? Double.NaN : s[s.length - 1] / 1e6;
    }

    /** "p50 / p99 / max" in whole milliseconds (one decimal below 10 ms). */
    String summary() {
        return ms(percentileMs(50)) + " / " + ms(percentileMs(99)) + " / " + ms(maxMs());
    }

    static String ms(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return v < 10 ? String.format(java.util.Locale.ROOT, "%.1f", v) : String.valueOf(Math.round(v));
    }
}
