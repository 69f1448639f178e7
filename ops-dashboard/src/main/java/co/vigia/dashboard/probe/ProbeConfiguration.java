package co.vigia.dashboard.probe;

import co.vigia.dashboard.DashboardProperties;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class ProbeConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ServiceProbe serviceProbe(JsonMapper json, DashboardProperties properties, Clock clock) {
        return new ServiceProbe(json, properties, clock);
    }

    @Bean
    Poller poller(ServiceProbe probe, DashboardProperties properties, Clock clock) {
        return new Poller(probe, properties, clock);
    }
}
