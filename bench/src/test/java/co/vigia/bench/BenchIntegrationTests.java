package co.vigia.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The benchmark at smoke sizes (a few seconds of load): keeps the harness compiling and working in the default
 * build. It writes its report under target/, never under docs/.
 */
class BenchIntegrationTests {

    @Test
    void everyFigureIsMeasuredAndReported() throws Exception {
        Path repo = Path.of(System.getProperty("vigia.repo", "..")).toAbsolutePath().normalize();
        Path workDir = repo.resolve("bench").resolve("target").resolve("bench-smoke");
        BenchSettings settings = BenchSettings.smoke(repo, workDir);

        Bench.Results results = Bench.run(settings);
        Path report = Report.write(results);

        assertThat(report).startsWith(workDir);
        assertThat(Files.readString(report)).contains("| figure |", "load average", "cores");
        assertThat(workDir.resolve(Report.PLOT)).isNotEmptyFile();
        assertThat(results.endToEnd().received()).isEqualTo(results.endToEnd().expected());
        assertThat(results.kafkaRoundTrip().count()).isPositive();
        assertThat(results.fanout().distinct()).isEqualTo(settings.fanout());
        assertThat(results.ingestion().events()).isEqualTo(settings.rollCalls());
        assertThat(results.fault().accepted()).isEqualTo(settings.faultEvents());
        assertThat(results.fault().lost()).isZero();
        assertThat(results.scale().points()).extracting(Scale.Point::subscriptions)
                .containsExactlyElementsOf(settings.scaleSizes());
        assertThat(results.scale().points()).allSatisfy(p -> {
            assertThat(p.delivered()).isEqualTo(p.subscriptions());
            assertThat(p.webhooks()).isEqualTo((long) p.votes() * Scale.MATCHING);
        });
    }
}
