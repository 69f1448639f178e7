package co.vigia.web.ops.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The text the services' /actuator/prometheus emits, read line by line; an odd line is skipped, not fatal. */
class PrometheusTextTests {

    static final String SCRAPE = """
            # HELP vigia_kafka_consumer_lag Records not yet committed by this service's consumer group
            # TYPE vigia_kafka_consumer_lag gauge
            vigia_kafka_consumer_lag{application="notify-service",group="notify-service",topic="bill-events"} 12.0
            # TYPE vigia_delivery_latency_seconds histogram
            vigia_delivery_latency_seconds_bucket{application="notify-service",le="0.1"} 3
            vigia_delivery_latency_seconds_bucket{application="notify-service",le="+Inf"} 4
            vigia_delivery_latency_seconds_count{application="notify-service"} 4
            vigia_deliveries_total{application="notify-service",outcome="delivered"} 7.0 1733054400000
            weird_label{path="C:\\\\dir\\"quoted\\"\\nnext"} 1
            vigia_outbox_oldest_age_seconds{application="bill-service"} NaN
            process_uptime_seconds +Inf
            broken_line{unterminated="yes} 1
            no_value
            """;

    @Test
    void readsNamesLabelsValuesAndSkipsWhatItCannotRead() {
        List<Sample> samples = PrometheusText.parse(SCRAPE);

        assertThat(samples).extracting(Sample::name).containsExactly("vigia_kafka_consumer_lag",
                "vigia_delivery_latency_seconds_bucket", "vigia_delivery_latency_seconds_bucket",
                "vigia_delivery_latency_seconds_count", "vigia_deliveries_total", "weird_label",
                "vigia_outbox_oldest_age_seconds", "process_uptime_seconds");
        assertThat(samples.get(0).labels()).isEqualTo(Map.of("application", "notify-service",
                "group", "notify-service", "topic", "bill-events"));
        assertThat(samples.get(0).value()).isEqualTo(12.0);
        assertThat(samples.get(2).label("le")).isEqualTo("+Inf");
        assertThat(samples.get(4).value()).as("a timestamp after the value is ignored").isEqualTo(7.0);
        assertThat(samples.get(5).label("path")).isEqualTo("C:\\dir\"quoted\"\nnext");
        assertThat(samples.get(6).value()).isNaN();
        assertThat(samples.get(7).value()).isInfinite();
    }

    @Test
    void nothingToReadIsNoSamples() {
        assertThat(PrometheusText.parse(null)).isEmpty();
        assertThat(PrometheusText.parse("# only a comment\n\n")).isEmpty();
    }
}
