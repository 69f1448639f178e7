package co.vigia.web.ops.prometheus;

import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * A quantile from cumulative histogram buckets ({@code le} upper bound to count), interpolated linearly inside the
 * bucket that holds it, as Prometheus' {@code histogram_quantile} does. The last finite bound answers for a
 * quantile that falls in the {@code +Inf} bucket.
 */
public final class Histogram {

    private Histogram() {
    }

    public static OptionalDouble quantile(double q, Map<Double, Double> cumulativeBuckets) {
        if (q < 0 || q > 1) {
            throw new IllegalArgumentException("quantile must be within 0 and 1, was " + q);
        }
        NavigableMap<Double, Double> buckets = new TreeMap<>(cumulativeBuckets);
        if (buckets.isEmpty()) {
            return OptionalDouble.empty();
        }
        double total = buckets.lastEntry().getValue();
        if (!(total > 0)) {
            return OptionalDouble.empty();
        }
        double rank = q * total;
        double lowerBound = 0;
        double lowerCount = 0;
        for (Map.Entry<Double, Double> bucket : buckets.entrySet()) {
            double upper = bucket.getKey();
            double count = bucket.getValue();
            if (count >= rank) {
                if (Double.isInfinite(upper)) {
                    Double lastFinite = buckets.lowerKey(upper);
                    return OptionalDouble.of(lastFinite == null ? 0 : lastFinite);
                }
                double inBucket = count - lowerCount;
                if (inBucket <= 0) {
                    return OptionalDouble.of(upper);
                }
                return OptionalDouble.of(lowerBound + (upper - lowerBound) * ((rank - lowerCount) / inBucket));
            }
            lowerBound = upper;
            lowerCount = count;
        }
        return OptionalDouble.of(lowerBound);
    }
}
