package co.vigia.vote;

import co.vigia.devstack.test.WithTestInfrastructure;
import co.vigia.starter.check.ServiceApplicationTests;
import java.util.Set;
import org.springframework.boot.test.context.SpringBootTest;

/** The service starts on real Kafka and MongoDB, reports them healthy and talks to the broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vigia.security.operator-key=" + ServiceApplicationTests.OPERATOR_KEY)
@WithTestInfrastructure
class VoteServiceApplicationIntegrationTests extends ServiceApplicationTests {

    VoteServiceApplicationIntegrationTests() {
        super("vote-service", Set.of());
    }
}
