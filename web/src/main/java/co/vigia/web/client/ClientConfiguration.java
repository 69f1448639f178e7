package co.vigia.web.client;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.http.HttpClient;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** One RestClient per service: its base URL, connect and read timeouts, and its circuit breaker. */
@Configuration(proxyBeanMethods = false)
public class ClientConfiguration {

    @Bean
    ServiceClients serviceClients(WebProperties properties, RestClient.Builder builder,
                                  CircuitBreakerRegistry breakers) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(properties.readTimeout());
        Map<Upstream, ServiceClient> clients = new EnumMap<>(Upstream.class);
        for (Upstream u : Upstream.values()) {
            RestClient rest = builder.clone().baseUrl(properties.service(u).toString())
                    .requestFactory(factory).build();
            clients.put(u, new ServiceClient(u, rest, breakers.circuitBreaker(u.key())));
        }
        return new ServiceClients(clients);
    }
}
