package co.vigia.web.ops;

import co.vigia.web.client.Upstream;
import co.vigia.web.client.WebProperties;
import co.vigia.web.ops.probe.MonitoredService;
import co.vigia.web.ops.probe.Poller;
import co.vigia.web.ops.probe.ProbeProperties;
import co.vigia.web.ops.probe.ServiceProbe;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console's poller: every service every {@code vigia.ops.poll-interval} (2 s), each call bounded by
 * {@code vigia.ops.timeout} (1.5 s, at most 2 s) and carrying the operator key, at the URLs the web app uses.
 */
@Configuration(proxyBeanMethods = false)
public class OpsConfiguration {

    @Bean
    ProbeProperties probeProperties(WebProperties web,
                                    @Value("${vigia.ops.operator-key:${VIGIA_OPERATOR_KEY:}}") String operatorKey,
                                    @Value("${vigia.ops.poll-interval:2s}") Duration pollInterval,
                                    @Value("${vigia.ops.timeout:1500ms}") Duration timeout,
                                    @Value("${vigia.ops.window:1h}") Duration window) {
        return new ProbeProperties(operatorKey, Map.of(MonitoredService.BILL, web.service(Upstream.BILL),
                MonitoredService.VOTE, web.service(Upstream.VOTE), MonitoredService.NOTIFY, web.service(Upstream.NOTIFY)),
                pollInterval, timeout, window);
    }

    @Bean
    ServiceProbe serviceProbe(JsonMapper json, ProbeProperties properties, Clock clock) {
        return new ServiceProbe(json, properties, clock);
    }

    @Bean
    Poller poller(ServiceProbe probe, ProbeProperties properties, Clock clock) {
        return new Poller(probe, properties, clock);
    }
}
