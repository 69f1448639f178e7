package co.vigia.systemtests;

import co.vigia.devstack.DevStack;
import co.vigia.devstack.Service;
import co.vigia.devstack.ServiceProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stack as run-local.sh starts it (devstack: embedded Kafka and MongoDB in this JVM, the three service
 * jars as processes), on random ports, with settings that make faults observable in seconds: a short
 * webhook retry schedule, an adjustable clock in bill-service. Always closed, also when a test fails.
 */
final class SystemStack implements AutoCloseable {

    static final String OPERATOR_KEY = "system-tests-operator-key";
    /** How long a (re)started service may take to be healthy: about 20 s on 2 idle cores; more on a loaded machine. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(Long.getLong("vigia.system-tests.start-timeout-seconds", 180));

    private final DevStack stack;
    final Api bill;
    final Api vote;
    final Api notify;

    private SystemStack(DevStack stack) {
        this.stack = stack;
        this.bill = new Api(stack.service(Service.BILL).baseUrl(), OPERATOR_KEY);
        this.vote = new Api(stack.service(Service.VOTE).baseUrl(), OPERATOR_KEY);
        this.notify = new Api(stack.service(Service.NOTIFY).baseUrl(), OPERATOR_KEY);
    }

    /**
     * Starts a stack for one test class, whose webhooks may reach the receiver on {@code receiverPort} (and no other
     * port of this machine); {@code env} adds or overrides service settings.
     */
    /** A stack whose notify-service may deliver to nothing local (no webhook receiver in the test). */
    static SystemStack start(String name, Map<String, String> env) {
        return start(name, null, env);
    }

    static SystemStack start(String name, Integer receiverPort, Map<String, String> env) {
        Map<String, String> settings = new LinkedHashMap<>();
        if (receiverPort != null) {
            settings.put("VIGIA_WEBHOOK_ALLOWED_HOSTS", "localhost:" + receiverPort);
        }
        settings.put("VIGIA_WEBHOOK_RETRY_SCHEDULE", "0s,1s,2s,3s,5s,8s,13s,21s");
        settings.put("VIGIA_CLOCK_ADJUSTABLE", "true");
        settings.put("VIGIA_KAFKA_PARTITIONS", "3");
        settings.putAll(env);
        DevStack.Config config = DevStack.config().randomPorts()
                .repoRoot(Path.of(System.getProperty("vigia.repo", "..")))
                .logDir(Path.of("target", "system-tests", name))
                .operatorKey(OPERATOR_KEY)
                .partitions(3);
        settings.forEach(config::env);
        DevStack stack = config.build();
        try {
            stack.start(START_TIMEOUT);
            return new SystemStack(stack);
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    DevStack devstack() {
        return stack;
    }

    ServiceProcess process(Service service) {
        return stack.service(service);
    }

    String kafkaBootstrapServers() {
        return stack.kafka().bootstrapServers();
    }

    /** SIGKILL, as a crash. */
    void kill(Service service) {
        stack.service(service).kill();
    }

    /**
     * Starts stopped or killed services again and waits until the whole stack is healthy: all of them are started
     * before the wait, since the wait covers every service (one still down would fail it).
     */
    void restart(Service... services) {
        for (Service service : services) {
            stack.startService(service);
        }
        stack.awaitHealthy(START_TIMEOUT);
    }

    /**
     * Brings back whatever an earlier test left stopped (a fault that failed half-way), so that each fault starts
     * from a whole stack and a failure is reported where it happened, not again in every later test.
     */
    void ensureWhole() {
        if (!stack.kafka().isRunning()) {
            stack.kafka().start();
        }
        List<Service> down = new ArrayList<>();
        for (Service service : Service.values()) {
            if (!stack.service(service).isAlive()) {
                down.add(service);
            }
        }
        restart(down.toArray(Service[]::new));
    }

    @Override
    public void close() {
        stack.close();
    }
}
