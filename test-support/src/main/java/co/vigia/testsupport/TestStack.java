package co.vigia.testsupport;

import co.vigia.devstack.DevStack;
import co.vigia.devstack.Service;
import co.vigia.devstack.ServiceProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The stack as run-local.sh starts it (devstack: embedded Kafka and MongoDB in this JVM, the three service jars as
 * processes), on random ports, with settings that make faults observable in seconds; and a client of each service.
 * The system tests and the benchmarks start it the same way. Always closed, also when a start fails.
 */
public final class TestStack implements AutoCloseable {

    /** A webhook retry schedule that drains in seconds rather than a day. */
    public static final String SHORT_RETRY_SCHEDULE = "0s,1s,2s,3s,5s,8s,13s,21s";
    public static final int PARTITIONS = 3;

    private final DevStack stack;
    private final Duration startedIn;
    private final Duration training;
    private final Duration startTimeout;
    /** Clients of the three services, with the operator key ({@code notify()} is Object's). */
    public final Api bill;
    public final Api vote;
    public final Api notify;

    private TestStack(DevStack stack, Duration startedIn, Duration training, Duration startTimeout) {
        this.stack = stack;
        this.startedIn = startedIn;
        this.training = training;
        this.startTimeout = startTimeout;
        String key = stack.settings().operatorKey();
        this.bill = new Api(stack.service(Service.BILL).baseUrl(), key);
        this.vote = new Api(stack.service(Service.VOTE).baseUrl(), key);
        this.notify = new Api(stack.service(Service.NOTIFY).baseUrl(), key);
    }

    /**
     * DevStack's settings for a test: random ports, {@value #PARTITIONS} partitions, the short retry schedule, and
     * webhooks allowed to the receiver on {@code webhookPort} only (none if null).
     */
    public static DevStack.Config config(Path repoRoot, Path logDir, String operatorKey, Integer webhookPort) {
        DevStack.Config config = DevStack.config().randomPorts()
                .repoRoot(repoRoot)
                .logDir(logDir)
                .operatorKey(operatorKey)
                .partitions(PARTITIONS)
                .env("VIGIA_KAFKA_PARTITIONS", String.valueOf(PARTITIONS))
                .env("VIGIA_WEBHOOK_RETRY_SCHEDULE", SHORT_RETRY_SCHEDULE);
        if (webhookPort != null) {
            config.env("VIGIA_WEBHOOK_ALLOWED_HOSTS", "127.0.0.1:" + webhookPort + ",localhost:" + webhookPort);
        }
        return config;
    }

    /**
     * Starts the infrastructure and the three services, and waits until they are healthy; the services' AOT caches
     * are trained first if missing (the first start after a build), and that is not counted in {@link #startedIn}.
     */
    public static TestStack start(DevStack.Config config, Duration timeout) {
        DevStack stack = config.build();
        try {
            long started = System.nanoTime();
            stack.startInfrastructure();
            long infrastructure = System.nanoTime() - started;
            long training = System.nanoTime();
            stack.prepareAotCaches(false);
            training = System.nanoTime() - training;
            long services = System.nanoTime();
            stack.startServices(timeout);
            return new TestStack(stack, Duration.ofNanos(infrastructure + System.nanoTime() - services),
                    Duration.ofNanos(training), timeout);
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    public String operatorKey() {
        return stack.settings().operatorKey();
    }

    /** From the first process started to all healthy, without the AOT caches' training. */
    public Duration startedIn() {
        return startedIn;
    }

    /** How long training the missing AOT caches took before the services started; zero when none was missing. */
    public Duration training() {
        return training;
    }

    public DevStack devstack() {
        return stack;
    }

    public ServiceProcess process(Service service) {
        return stack.service(service);
    }

    public String kafkaBootstrapServers() {
        return stack.kafka().bootstrapServers();
    }

    public TopicReader topics() {
        return new TopicReader(kafkaBootstrapServers());
    }

    public String mongoUri(String database) {
        return stack.mongo().uri(database);
    }

    /** SIGKILL, as a crash. */
    public void kill(Service service) {
        stack.service(service).kill();
    }

    /**
     * Starts stopped or killed services again and waits until the whole stack is healthy: all of them are started
     * before the wait, since the wait covers every service (one still down would fail it).
     */
    public void restart(Service... services) {
        for (Service service : services) {
            stack.startService(service);
        }
        stack.awaitHealthy(startTimeout);
    }

    /**
     * Brings back whatever an earlier test left stopped (a fault that failed half-way), so that each test starts
     * from a whole stack and a failure is reported where it happened, not again in every later test.
     */
    public void ensureWhole() {
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
