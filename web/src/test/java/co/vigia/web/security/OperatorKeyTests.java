package co.vigia.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OperatorKeyTests {

    @Test
    void onlyTheConfiguredKeyMatchesTrimmed() {
        OperatorKey key = new OperatorKey("s3cret-operator-key");
        assertThat(key.isConfigured()).isTrue();
        assertThat(key.matches("s3cret-operator-key")).isTrue();
        assertThat(key.matches(" s3cret-operator-key ")).isTrue();
        assertThat(key.matches("s3cret-operator-ke")).isFalse();
        assertThat(key.matches("S3CRET-OPERATOR-KEY")).isFalse();
        assertThat(key.matches("")).isFalse();
        assertThat(key.matches(null)).isFalse();
        assertThat(key.toString()).doesNotContain("s3cret");
    }

    @Test
    void withNoKeyConfiguredNothingMatches() {
        OperatorKey none = new OperatorKey("  ");
        assertThat(none.isConfigured()).isFalse();
        assertThat(none.matches("  ")).isFalse();
        assertThat(none.matches("anything")).isFalse();
    }
}
