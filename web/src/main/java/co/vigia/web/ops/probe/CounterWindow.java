package co.vigia.web.ops.probe;

import co.vigia.web.ops.prometheus.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How much a service's counters grew over the last window (an hour by default), from the cumulative values the
 * service exposes. It keeps one point every {@code spacing} for a window. The baseline is zero when the service's
 * process started inside the window (all it counted, it counted then), else the oldest kept point inside the
 * window; a counter below its baseline was reset by a restart, and counts from zero.
 */
public final class CounterWindow {

    /** A counter series: metric name and labels. */
    public record Series(String name, Map<String, String> labels) {
        public Series {
            labels = Map.copyOf(labels);
        }

        static Series of(Sample sample) {
            return new Series(sample.name(), sample.labels());
        }
    }

    /** The increase of every series over {@code seconds} (how far back the baseline is). */
    public record Increase(Map<Series, Double> values, long seconds) {
        public double get(Series series) {
            return values.getOrDefault(series, 0.0);
        }
    }

    private record Point(Instant at, Map<Series, Double> values, double processStart) {
    }

    private final Duration window;
    private final Duration spacing;
    private final Deque<Point> kept = new ArrayDeque<>();
    private Point latest;

    public CounterWindow(Duration window, Duration spacing) {
        this.window = window;
        this.spacing = spacing;
    }

    /** Records a poll's counters; {@code processStart} is the service's start in epoch seconds (NaN if unknown). */
    public synchronized void record(Instant at, List<Sample> counters, double processStart) {
        Map<Series, Double> values = new HashMap<>();
        counters.forEach(s -> values.put(Series.of(s), s.value()));
        latest = new Point(at, values, processStart);
        if (kept.isEmpty() || !kept.peekLast().at().plus(spacing).isAfter(at)) {
            kept.addLast(latest);
        }
        while (!kept.isEmpty() && kept.peekFirst().at().isBefore(at.minus(window).minus(spacing))) {
            kept.removeFirst();
        }
    }

    public synchronized Increase increase(Instant now) {
        if (latest == null) {
            return new Increase(Map.of(), 0);
        }
        Instant windowStart = now.minus(window);
        Point base = null;
        long seconds;
        boolean startedInWindow = !Double.isNaN(latest.processStart())
                && latest.processStart() >= windowStart.getEpochSecond();
        if (startedInWindow) {
            seconds = Math.max(0, now.getEpochSecond() - (long) latest.processStart());
        } else {
            for (Point p : kept) {
                if (!p.at().isBefore(windowStart) && p.processStart() == latest.processStart()) {
                    base = p;
                    break;
                }
            }
            if (base == null) {
                base = latest;
            }
            seconds = Duration.between(base.at(), now).toSeconds();
        }
        Map<Series, Double> increase = new HashMap<>();
        for (Map.Entry<Series, Double> e : latest.values().entrySet()) {
            double from = base == null ? 0 : base.values().getOrDefault(e.getKey(), 0.0);
            double now1 = e.getValue();
            increase.put(e.getKey(), now1 < from ? now1 : now1 - from);
        }
        return new Increase(increase, seconds);
    }
}
