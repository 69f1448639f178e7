package co.vigia.bill.web;

import static org.assertj.core.api.Assertions.assertThat;

import co.vigia.bill.support.ItClient;
import co.vigia.devstack.test.BadInputProbe;
import co.vigia.devstack.test.WithTestInfrastructure;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every operation of bill-service's OpenAPI, fed bad input: never a 5xx, every 4xx problem+json naming no class. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"vigia.security.operator-key=" + ItClient.OPERATOR_KEY, "vigia.clock.adjustable=true",
        "vigia.security.rate-limit.anonymous=100000/1s", "vigia.security.rate-limit.failed-authentication=100000/1m"})
@WithTestInfrastructure
class BadInputIntegrationTests {

    private static final Logger log = LoggerFactory.getLogger(BadInputIntegrationTests.class);

    @LocalServerPort
    int port;

    @Test
    void everyOperationRefusesBadInputWithAProblemAndNever5xx() throws Exception {
        BadInputProbe.Report report = new BadInputProbe("localhost", port, ItClient.OPERATOR_KEY).run();
        log.info("BAD INPUT bill-service: {} requests to {} operations, {} wrong answers", report.sent(),
                report.operations(), report.failures().size());
        Files.write(Path.of("target", "bad-input-bill-service.txt"), report.failures());
        report.failures().stream().limit(20).forEach(failure -> log.warn("BAD INPUT {}", failure));
        assertThat(report.operations()).isGreaterThan(5);
        assertThat(report.failures()).isEmpty();
    }
}
