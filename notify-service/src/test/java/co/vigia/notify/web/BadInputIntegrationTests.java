package co.vigia.notify.web;

import static org.assertj.core.api.Assertions.assertThat;

import co.vigia.devstack.test.BadInputProbe;
import co.vigia.devstack.test.WithTestInfrastructure;
import co.vigia.notify.Api;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every operation of notify-service's OpenAPI, fed bad input without a key, with a wrong one, the operator's and a
 * subscriber's: never a 5xx, every 4xx problem+json naming no class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "vigia.security.operator-key=" + BadInputIntegrationTests.OPERATOR,
        "spring.kafka.consumer.group-id=notify-bad-input-it-${random.uuid}",
        "vigia.security.rate-limit.anonymous=100000/1s", "vigia.security.rate-limit.failed-authentication=100000/1m"})
@WithTestInfrastructure
class BadInputIntegrationTests {

    static final String OPERATOR = "operator-key-for-bad-input";

    private static final Logger log = LoggerFactory.getLogger(BadInputIntegrationTests.class);

    @LocalServerPort
    int port;

    @Test
    void everyOperationRefusesBadInputWithAProblemAndNever5xx() throws Exception {
        Api api = new Api("http://localhost:" + port);
        Api.Response subscriber = api.post("/api/subscribers", OPERATOR,
                "{\"name\":\"Misión de Observación Electoral\",\"contactEmail\":\"datos@moe.org.co\"}");
        assertThat(subscriber.status()).isEqualTo(201);
        String subscriberKey = subscriber.body().path("apiKey").asString();

        BadInputProbe.Report report = new BadInputProbe("localhost", port, OPERATOR, subscriberKey).run();
        log.info("BAD INPUT notify-service: {} requests to {} operations, {} wrong answers", report.sent(),
                report.operations(), report.failures().size());
        Files.write(Path.of("target", "bad-input-notify-service.txt"), report.failures());
        report.failures().stream().limit(20).forEach(failure -> log.warn("BAD INPUT {}", failure));
        assertThat(report.operations()).isGreaterThan(5);
        assertThat(report.failures()).isEmpty();
    }
}
