package co.vigia.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AotCacheTests {

    private static final List<String> OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC");

    @TempDir
    Path dir;

    @Test
    void aRebuiltJarGetsACacheOfItsOwnNeverTheOldOne() throws Exception {
        Path jar = Files.writeString(dir.resolve("svc.jar"), "first build");
        Path first = AotCache.directory(jar, OPTIONS);
        Files.writeString(jar, "second build, another size");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));

        assertThat(AotCache.directory(jar, OPTIONS)).isNotEqualTo(first);
        assertThat(AotCache.directory(jar, OPTIONS).getParent()).isEqualTo(dir.resolve("aot"));
        assertThat(AotCache.directory(jar, List.of("-Xmx512m"))).isNotEqualTo(AotCache.directory(jar, OPTIONS));
    }

    @Test
    void aJfrRecordingDoesNotChangeTheCacheATrainingRunMakes() throws Exception {
        Path jar = Files.writeString(dir.resolve("svc.jar"), "a build");
        List<String> withJfr = List.of("-Xmx256m", "-XX:+UseSerialGC",
                "-XX:StartFlightRecording=settings=profile,filename=/tmp/x/");

        assertThat(AotCache.directory(jar, withJfr)).isEqualTo(AotCache.directory(jar, OPTIONS));
        assertThat(AotCache.trainingOptions(withJfr)).isEqualTo(OPTIONS);
    }

    @Test
    void aJarThatCannotBeTrainedStartsAsItIsAndTheLogSaysWhy() throws Exception {
        Path jar = Files.writeString(dir.resolve("svc.jar"), "not a Spring Boot jar");
        Path log = dir.resolve("logs").resolve("svc-aot-training.log");

        AotCache.Launch launch = AotCache.prepare(jar, OPTIONS, Map.of(), log);

        assertThat(launch.cached()).isFalse();
        assertThat(launch.jar()).isEqualTo(jar);
        assertThat(launch.jvmOptions()).isEmpty();
        assertThat(Files.readString(log)).contains("no AOT cache, starting from the jar");
    }

    @Test
    void aCacheAlreadyMadeIsUsedWithItsExtractedJar() throws Exception {
        Path jar = Files.writeString(dir.resolve("svc.jar"), "a build");
        Path cacheDir = AotCache.directory(jar, OPTIONS);
        Files.createDirectories(cacheDir);
        Files.writeString(cacheDir.resolve("svc.jar"), "extracted");
        Files.writeString(cacheDir.resolve("app.aot"), "cache");

        AotCache.Launch launch = AotCache.prepare(jar, OPTIONS, Map.of(), dir.resolve("never-written.log"));

        assertThat(launch.cached()).isTrue();
        assertThat(launch.jar()).isEqualTo(cacheDir.resolve("svc.jar"));
        assertThat(launch.jvmOptions()).containsExactly("-XX:AOTCache=" + cacheDir.resolve("app.aot"));
        assertThat(dir.resolve("never-written.log")).doesNotExist();
    }
}
