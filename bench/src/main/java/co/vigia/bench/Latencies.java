package co.vigia.bench;

import org.HdrHistogram.Histogram;

/** A latency distribution in microseconds (HdrHistogram, 3 significant digits), safe to record from many threads. */
final class Latencies {

    private static final long MAX_MICROS = 10 * 60 * 1_000_000L;

    private final Histogram histogram = new Histogram(MAX_MICROS, 3);

    synchronized void record(long nanos) {
        histogram.recordValue(Math.min(MAX_MICROS, Math.max(0, nanos / 1000)));
    }

    synchronized Histogram copy() {
        return histogram.copy();
    }

    synchronized long count() {
        return histogram.getTotalCount();
    }

    /** The value at {@code percentile} in milliseconds. */
    synchronized double millis(double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    synchronized double maxMillis() {
        return histogram.getMaxValue() / 1000.0;
    }

    /** p50 / p95 / p99 / max in ms, as the report shows them. */
    String summary() {
        return String.format(java.util.Locale.ROOT, "%.1f / %.1f / %.1f / %.1f", millis(50), millis(95), millis(99),
                maxMillis());
    }
}
