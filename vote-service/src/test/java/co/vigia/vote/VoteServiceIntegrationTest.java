package co.vigia.vote;

import co.vigia.devstack.test.WithTestInfrastructure;
import co.vigia.vote.billfacts.BillServiceClient;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service on real Kafka and MongoDB, with a stand-in bill-service; subclasses share one context. The
 * consumer group is unique so that other test contexts on the same broker do not take its partitions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vigia.security.operator-key=" + VoteFixtures.OPERATOR_KEY,
        "spring.kafka.consumer.group-id=vote-service-it-${random.uuid}",
        "vigia.bill-facts.retry-interval=500ms",
        "resilience4j.circuitbreaker.instances.billService.wait-duration-in-open-state=60s"})
@WithTestInfrastructure
public abstract class VoteServiceIntegrationTest {

    protected static final VoteFixtures.FakeBillService BILL_SERVICE = start();

    @LocalServerPort
    protected int port;

    @Value("${spring.kafka.bootstrap-servers}")
    protected String bootstrapServers;

    @Autowired
    protected KafkaTemplate<String, String> kafka;

    @Autowired
    protected CircuitBreakerRegistry circuitBreakers;

    @DynamicPropertySource
    static void billService(DynamicPropertyRegistry registry) {
        registry.add("vigia.bill-service.url", BILL_SERVICE::url);
    }

    @BeforeEach
    void closeTheCircuit() {
        circuitBreaker().reset();
    }

    protected CircuitBreaker circuitBreaker() {
        return circuitBreakers.circuitBreaker(BillServiceClient.RESILIENCE_NAME);
    }

    private static VoteFixtures.FakeBillService start() {
        try {
            return new VoteFixtures.FakeBillService();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
