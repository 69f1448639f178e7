package co.vigia.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local run's key for webhook secrets: given, generated per run, or kept with the data it protects. */
class LocalSecretKeysTests {

    @TempDir
    Path dir;

    @Test
    void aGivenKeyringIsUsedAsItIs() {
        LocalSecretKeys keys = LocalSecretKeys.resolve(" k9:AAAA ", dir);
        assertThat(keys.keyring()).isEqualTo("k9:AAAA");
        assertThat(keys.origin()).contains("VIGIA_SECRET_KEYS");
        assertThat(dir.resolve(LocalSecretKeys.FILE)).doesNotExist();
    }

    @Test
    void withoutADataDirectoryEachRunGeneratesA256BitKey() {
        LocalSecretKeys first = LocalSecretKeys.resolve(null, null);
        assertThat(first.keyring()).startsWith("local:");
        assertThat(Base64.getDecoder().decode(first.keyring().substring("local:".length()))).hasSize(32);
        assertThat(LocalSecretKeys.resolve("", null).keyring()).isNotEqualTo(first.keyring());
        assertThat(first.origin()).contains("generated for this run");
    }

    @Test
    void withADataDirectoryTheKeyIsKeptThereOwnerOnlyAndReusedAfterARestart() throws Exception {
        LocalSecretKeys first = LocalSecretKeys.resolve(null, dir);
        Path file = dir.resolve(LocalSecretKeys.FILE);
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        LocalSecretKeys again = LocalSecretKeys.resolve(null, dir);
        assertThat(again.keyring()).isEqualTo(first.keyring());
        assertThat(again.origin()).contains("kept in").contains(file.toString());
    }
}
