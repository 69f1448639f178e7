package co.vigia.systemtests;

import co.vigia.devstack.DevStack;
import co.vigia.testsupport.TestStack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/** The test stack as the system tests start it: an adjustable clock in bill-service, logs per test class. */
final class SystemStack {

    static final String OPERATOR_KEY = "system-tests-operator-key";
    /** How long a (re)started service may take to be healthy: about 20 s on 2 idle cores; more on a loaded machine. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(Long.getLong("vigia.system-tests.start-timeout-seconds", 180));

    /** How long reading the topics to their end may take. */
    static final Duration READ_TOPICS = Duration.ofSeconds(60);

    private SystemStack() {
    }

    /** A stack whose notify-service may deliver to nothing local (no webhook receiver in the test). */
    static TestStack start(String name, Map<String, String> env) {
        return start(name, null, env);
    }

    static TestStack start(String name, Integer receiverPort, Map<String, String> env) {
        return start(name, receiverPort, env, config -> { });
    }

    /**
     * Starts a stack for one test class, whose webhooks may reach the receiver on {@code receiverPort} (and no other
     * port of this machine); {@code env} adds or overrides service settings, {@code customize} comes last.
     */
    static TestStack start(String name, Integer receiverPort, Map<String, String> env, Consumer<DevStack.Config> customize) {
        DevStack.Config config = TestStack.config(Path.of(System.getProperty("vigia.repo", "..")),
                Path.of("target", "system-tests", name), OPERATOR_KEY, receiverPort).env("VIGIA_CLOCK_ADJUSTABLE", "true");
        env.forEach(config::env);
        customize.accept(config);
        return TestStack.start(config, START_TIMEOUT);
    }
}
