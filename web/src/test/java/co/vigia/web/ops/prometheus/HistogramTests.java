package co.vigia.web.ops.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Quantiles from cumulative buckets, as Prometheus' histogram_quantile computes them. */
class HistogramTests {

    @Test
    void interpolatesInsideTheBucketThatHoldsTheRank() {
        // 100 observations: 50 up to 0.1 s, 90 up to 0.5 s, all 100 up to 1 s
        Map<Double, Double> buckets = Map.of(0.1, 50.0, 0.5, 90.0, 1.0, 100.0, Double.POSITIVE_INFINITY, 100.0);

        assertThat(Histogram.quantile(0.5, buckets)).hasValue(0.1);
        assertThat(Histogram.quantile(0.95, buckets).getAsDouble()).isCloseTo(0.75, within(1e-9));
        assertThat(Histogram.quantile(0.7, buckets).getAsDouble()).isCloseTo(0.3, within(1e-9));
    }

    @Test
    void aRankInTheInfBucketAnswersTheLastFiniteBound() {
        assertThat(Histogram.quantile(0.95, Map.of(0.1, 1.0, 2.0, 5.0, Double.POSITIVE_INFINITY, 10.0))).hasValue(2.0);
    }

    @Test
    void noObservationsNoQuantile() {
        assertThat(Histogram.quantile(0.95, Map.of())).isEmpty();
        assertThat(Histogram.quantile(0.95, Map.of(0.1, 0.0, Double.POSITIVE_INFINITY, 0.0))).isEmpty();
        assertThatThrownBy(() -> Histogram.quantile(1.5, Map.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
