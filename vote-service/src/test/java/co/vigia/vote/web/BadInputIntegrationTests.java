package co.vigia.vote.web;

import static org.assertj.core.api.Assertions.assertThat;

import co.vigia.devstack.test.BadInputProbe;
import co.vigia.vote.VoteFixtures;
import co.vigia.vote.VoteServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every operation of vote-service's OpenAPI, fed bad input: never a 5xx, every 4xx problem+json. Its own context, with
 * the rate limits out of the way: the probe's thousand wrong keys would otherwise lock the other tests' caller out,
 * and the probe must reach the handlers.
 */
@TestPropertySource(properties = {"vigia.security.rate-limit.anonymous=100000/1s",
        "vigia.security.rate-limit.failed-authentication=100000/1m"})
class BadInputIntegrationTests extends VoteServiceIntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(BadInputIntegrationTests.class);

    @Test
    void everyOperationRefusesBadInputWithAProblemAndNever5xx() throws Exception {
        BadInputProbe.Report report = new BadInputProbe("localhost", port, VoteFixtures.OPERATOR_KEY).run();
        log.info("BAD INPUT vote-service: {} requests to {} operations, {} wrong answers", report.sent(),
                report.operations(), report.failures().size());
        java.nio.file.Files.write(java.nio.file.Path.of("target", "bad-input-vote-service.txt"), report.failures());
        report.failures().stream().limit(20).forEach(failure -> log.warn("BAD INPUT {}", failure));
        assertThat(report.operations()).isGreaterThan(5);
        assertThat(report.failures()).isEmpty();
    }
}
