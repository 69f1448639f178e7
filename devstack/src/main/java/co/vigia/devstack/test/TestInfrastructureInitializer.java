package co.vigia.devstack.test;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring test context at {@link TestInfrastructure}: Kafka's bootstrap servers and a MongoDB
 * database of its own (so test classes do not see each other's data).
 */
public class TestInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final AtomicInteger CONTEXTS = new AtomicInteger();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestInfrastructure.Endpoints endpoints = TestInfrastructure.endpoints();
        String app = context.getEnvironment().getProperty("spring.application.name", "vigia");
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.kafka.bootstrap-servers", endpoints.kafkaBootstrapServers());
        properties.put("spring.mongodb.uri", endpoints.mongoUri("test-" + app + "-" + CONTEXTS.incrementAndGet()
                + "-" + ProcessHandle.current().pid()));
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("vigiaTestInfrastructure", properties));
    }
}
