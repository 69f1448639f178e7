package co.vigia.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The whole system on one machine: the embedded Kafka broker and MongoDB server in this process, and
 * the three services as separate JVMs. Used by {@code run-local.sh} (through {@link DevStackMain}), the
 * system tests and the benchmarks, so all three start the stack the same way.
 */
public final class DevStack implements AutoCloseable {

    private final Config config;
    private final EmbeddedKafkaBroker kafka;
    private final EmbeddedMongoServer mongo;
    private final EmbeddedMailServer mail;
    private final Map<Service, List<ServiceProcess>> services = new EnumMap<>(Service.class);
    private ServiceProcess web;
    private final Path dataDir;
    private final boolean temporaryData;
    private final LocalSecretKeys secretKeys;

    private DevStack(Config config) {
        this.config = config;
        try {
            this.temporaryData = config.dataDir == null;
            this.dataDir = temporaryData ? Files.createTempDirectory("vigia-devstack") : config.dataDir;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        this.kafka = new EmbeddedKafkaBroker(config.kafkaPort, config.kafkaControllerPort, dataDir.resolve("kafka"),
                config.partitions);
        this.mongo = new EmbeddedMongoServer(config.mongoPort, temporaryData ? null : dataDir.resolve("mongo/vigia.mv"));
        this.mail = new EmbeddedMailServer(config.smtpPort, config.imapPort, config.mailPagePort);
        this.secretKeys = LocalSecretKeys.resolve(config.secretKeys, temporaryData ? null : dataDir);
    }

    /** The key notify-service seals webhook secrets with, and where it came from. */
    public LocalSecretKeys secretKeys() {
        return secretKeys;
    }

    public static Config config() {
        return new Config();
    }

    /** Ports this stack would bind that something else holds, with what they are for. */
    public Map<Integer, String> busyPorts() {
        Map<Integer, String> busy = new LinkedHashMap<>(StackEnvironment.ports(config));
        busy.keySet().removeIf(Ports::isFree);
        return busy;
    }

    public DevStack startInfrastructure() {
        mongo.start();
        mail.start();
        kafka.start();
        return this;
    }

    /** Starts the infrastructure and one instance of each service, and waits until all are healthy. */
    public DevStack start(Duration timeout) {
        startInfrastructure();
        prepareAotCaches(false);
        return startServices(timeout);
    }

    /** One instance of each service, once the infrastructure is up; waits until all are healthy. */
    public DevStack startServices(Duration timeout) {
        Stream.of(Service.values()).forEach(this::startService);
        awaitHealthy(timeout);
        return this;
    }

    public ServiceProcess startService(Service service) {
        return first(service).start();
    }

    private ServiceProcess first(Service service) {
        return services.computeIfAbsent(service, s -> new ArrayList<>(List.of(newProcess(s, config.ports.get(s), ""))))
                .get(0);
    }

    /** Trains the missing AOT caches at once (their training needs the infrastructure up); how many there are. */
    public int prepareAotCaches(boolean withWeb) {
        Stream<ServiceProcess> all = Stream.concat(Stream.of(Service.values()).map(this::first),
                withWeb ? Stream.of(webProcess()) : Stream.empty());
        return (int) all.parallel().filter(ServiceProcess::prepareAotCache).count();
    }

    /**
     * The website ({@code web/target/web.jar}) reading from this stack's services; it holds no Kafka or MongoDB
     * client, so it is not among {@link Service}'s and {@link #start} leaves it out.
     */
    public ServiceProcess startWeb() {
        return webProcess().start();
    }

    private ServiceProcess webProcess() {
        if (web == null) {
            web = new ServiceProcess("web", config.repoRoot.resolve("web/target/web.jar"), config.webPort,
                    StackEnvironment.web(config), config.jvmOptions, config.logDir.resolve("web.log"))
                    .aotCache(config.aotCache);
        }
        return web;
    }

    /** Waits until the website answers UP. */
    public void awaitWebUp(Duration timeout) {
        await(web(), ServiceProcess::isUp, System.nanoTime() + timeout.toNanos(), timeout, p -> "up");
    }

    public ServiceProcess web() {
        if (web == null) {
            throw new IllegalStateException("web was not started");
        }
        return web;
    }

    /** Another instance of a service on another port (scale-out tests), sharing its database and group. */
    public ServiceProcess startExtraInstance(Service service, int port) {
        List<ServiceProcess> instances = services.computeIfAbsent(service, s -> new ArrayList<>());
        ServiceProcess p = newProcess(service, port, "-" + (instances.size() + 1));
        instances.add(p);
        return p.start();
    }

    private ServiceProcess newProcess(Service service, int port, String suffix) {
        Map<String, String> env = StackEnvironment.service(config, service, suffix, kafka.bootstrapServers(),
                mongo.uri(service.database()), secretKeys);
        Path jar = config.repoRoot.resolve(service.artifact()).resolve("target").resolve(service.artifact() + ".jar");
        return new ServiceProcess(service.artifact() + suffix, jar, port, env, config.jvmOptions,
                config.logDir.resolve(service.artifact() + suffix + ".log")).aotCache(config.aotCache);
    }

    public ServiceProcess service(Service service) {
        List<ServiceProcess> instances = services.get(service);
        if (instances == null || instances.isEmpty()) {
            throw new IllegalStateException(service + " was not started");
        }
        return instances.get(0);
    }

    public List<ServiceProcess> instances(Service service) {
        return List.copyOf(services.getOrDefault(service, List.of()));
    }

    /** Waits until every started service reports UP with Kafka and MongoDB UP. */
    public void awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        services.values().forEach(instances -> instances.forEach(p -> await(p, ServiceProcess::isHealthy, deadline,
                timeout, q -> "healthy (health: " + q.healthStatus() + ")")));
    }

    private static void await(ServiceProcess p, Predicate<ServiceProcess> ready, long deadline, Duration timeout,
                              Function<ServiceProcess, String> what) {
        while (!ready.test(p)) {
            if (!p.isAlive()) {
                throw new IllegalStateException(p.name() + " exited while starting; see " + p.logFile());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(p.name() + " not " + what.apply(p) + " within " + timeout.toSeconds()
                        + " s; see " + p.logFile());
            }
            sleep(250);
        }
    }

    public EmbeddedKafkaBroker kafka() {
        return kafka;
    }

    public EmbeddedMongoServer mongo() {
        return mongo;
    }

    public EmbeddedMailServer mail() {
        return mail;
    }

    public Config settings() {
        return config;
    }

    @Override
    public void close() {
        List<ServiceProcess> all = services.values().stream().flatMap(List::stream).toList();
        if (web != null) {
            web.stop(Duration.ofSeconds(15));
        }
        all.parallelStream().forEach(p -> p.stop(Duration.ofSeconds(15)));
        kafka.stop();
        mongo.stop();
        mail.stop();
        if (temporaryData) {
            AotCache.deleteRecursively(dataDir);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** What to start and where. Defaults are the documented ports. */
    public static final class Config {
        int kafkaPort = 9092;
        int kafkaControllerPort = 9093;
        int mongoPort = 27017;
        int smtpPort = 3025;
        int imapPort = 3143;
        int mailPagePort = 3080;
        int partitions = 6;
        int webPort = 8080;
        final Map<Service, Integer> ports = new EnumMap<>(Service.class);
        Path dataDir;
        Path logDir = Path.of("target", "run-local", "logs");
        Path repoRoot = Path.of(".");
        String operatorKey = "";
        String secretKeys;
        List<String> jvmOptions = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError");
        boolean aotCache = !"off".equals(System.getenv("VIGIA_AOT_CACHE")); // e.g. for a CI that starts once
        final Map<String, String> commonEnv = new HashMap<>();
        final Map<Service, Map<String, String>> serviceEnv = new EnumMap<>(Service.class);

        Config() {
            for (Service s : Service.values()) {
                ports.put(s, s.defaultPort());
            }
        }

        public Config kafkaPort(int port) { kafkaPort = port; return this; }
        public Config kafkaControllerPort(int port) { kafkaControllerPort = port; return this; }
        public Config mongoPort(int port) { mongoPort = port; return this; }
        public Config smtpPort(int port) { smtpPort = port; return this; }
        public Config partitions(int n) { partitions = n; return this; }
        public Config port(Service s, int port) { ports.put(s, port); return this; }
        public Config webPort(int port) { webPort = port; return this; }
        public Config dataDir(Path dir) { dataDir = dir; return this; }
        public Config logDir(Path dir) { logDir = dir; return this; }
        public Config repoRoot(Path dir) { repoRoot = dir; return this; }
        public Config operatorKey(String key) { operatorKey = key; return this; }
        /** notify-service's {@code VIGIA_SECRET_KEYS}; unset: generated (and kept in the data directory, if any). */
        public Config secretKeys(String keyring) { secretKeys = keyring; return this; }
        public Config jvmOptions(List<String> options) { jvmOptions = List.copyOf(options); return this; }
        /** Start the JVMs from their AOT caches, trained on the first start after a build ({@link AotCache}). */
        public Config aotCache(boolean on) { aotCache = on; return this; }
        /** An environment variable for every service (e.g. a short webhook retry schedule in tests). */
        public Config env(String name, String value) { commonEnv.put(name, value); return this; }
        public Config env(Service s, String name, String value) {
            serviceEnv.computeIfAbsent(s, k -> new HashMap<>()).put(name, value);
            return this;
        }

        /** All ports picked free at random: for tests that must not collide with a running stack. */
        public Config randomPorts() {
            kafkaPort = Ports.free();
            kafkaControllerPort = Ports.free();
            mongoPort = Ports.free();
            smtpPort = Ports.free();
            imapPort = Ports.free();
            mailPagePort = Ports.free();
            webPort = Ports.free();
            for (Service s : Service.values()) {
                ports.put(s, Ports.free());
            }
            return this;
        }

        public int kafkaPort() { return kafkaPort; }
        public int mongoPort() { return mongoPort; }
        public int smtpPort() { return smtpPort; }
        public int port(Service s) { return ports.get(s); }
        public int webPort() { return webPort; }
        public String operatorKey() { return operatorKey; }
        public Path logDir() { return logDir; }

        public DevStack build() {
            return new DevStack(this);
        }
    }
}
