package co.vigia.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DevStackMainTests {

    @Test
    void helpListsTheOptions() {
        String out = capture(false, () -> assertThat(DevStackMain.run(new String[]{"--help"})).isZero());
        assertThat(out).contains("--kafka-port", "--mongo-port", "--bill-port", "--vote-port", "--notify-port",
                "--data-dir", "--seed", "--webhook-allow", "VIGIA_OPERATOR_KEY", "VIGIA_SECRET_KEYS");
    }

    @Test
    void aPortAlreadyTakenIsOneLineNamingThePortAndANonZeroExit() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            String err = capture(true, () -> assertThat(DevStackMain.run(new String[]{"--mongo-port", String.valueOf(port),
                    "--kafka-port", String.valueOf(Ports.free()), "--bill-port", String.valueOf(Ports.free()),
                    "--vote-port", String.valueOf(Ports.free()), "--notify-port", String.valueOf(Ports.free())})).isEqualTo(1));
            assertThat(err.strip().lines()).hasSize(1);
            assertThat(err).contains("port " + port).contains("MongoDB").doesNotContain("Exception");
        }
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThatThrownBy(() -> DevStackMain.run(new String[]{"--bill-port", "eighty"}))
                .hasMessageContaining("--bill-port needs a number");
        assertThatThrownBy(() -> DevStackMain.run(new String[]{"--frobnicate"}))
                .hasMessageContaining("unknown option --frobnicate");
        assertThatThrownBy(() -> DevStackMain.run(new String[]{"--vote-port", "70000"}))
                .hasMessageContaining("between 1 and 65534");
    }

    private static String capture(boolean stderr, Runnable action) {
        PrintStream original = stderr ? System.err : System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        if (stderr) {
            System.setErr(capture);
        } else {
            System.setOut(capture);
        }
        try {
            action.run();
        } finally {
            if (stderr) {
                System.setErr(original);
            } else {
                System.setOut(original);
            }
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
