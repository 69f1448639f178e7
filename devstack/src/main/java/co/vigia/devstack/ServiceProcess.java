package co.vigia.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** One service running as its own JVM, started from its built jar, its output in a log file. */
public final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> env;
    private final List<String> jvmOptions;
    private final Path logFile;
    private boolean aotCache;
    private Process process;

    public ServiceProcess(String name, Path jar, int port, Map<String, String> env, List<String> jvmOptions,
                          Path logFile) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.env = Map.copyOf(env);
        this.jvmOptions = List.copyOf(jvmOptions);
        this.logFile = logFile;
    }

    /** Starts from the JDK's AOT cache ({@link AotCache}), trained first if missing; off by default. */
    public synchronized ServiceProcess aotCache(boolean on) {
        this.aotCache = on;
        return this;
    }

    /**
     * Makes this service's AOT cache if it is on and missing (a training run, tens of seconds), so that several can
     * train at once before they start; whether the next start uses one.
     */
    public boolean prepareAotCache() {
        boolean on;
        synchronized (this) {
            on = aotCache;
        }
        return on && AotCache.prepare(jar, jvmOptions, serviceEnv(), trainingLog()).cached();
    }

    private Path trainingLog() {
        return logFile.resolveSibling(name + "-aot-training.log");
    }

    private Map<String, String> serviceEnv() {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("VIGIA_SUPERVISOR_PID", String.valueOf(ProcessHandle.current().pid()));
        return all;
    }

    public synchronized ServiceProcess start() {
        if (process != null && process.isAlive()) {
            return this;
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (./mvnw -DskipTests package)");
        }
        AotCache.Launch launch = aotCache ? AotCache.prepare(jar, jvmOptions, serviceEnv(), trainingLog())
                : new AotCache.Launch(List.of(), jar, false);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(launch.jvmOptions());
        command.add("-jar");
        command.add(launch.jar().toString());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(serviceEnv());
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        builder.redirectErrorStream(true);
        try {
            Files.createDirectories(logFile.getParent());
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name, e);
        }
        return this;
    }

    /** SIGTERM, then SIGKILL after {@code grace}. */
    public synchronized void stop(Duration grace) {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** SIGKILL at once, as a crash would. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** Health as the service reports it: {@code UP}, {@code DOWN}, or {@code UNREACHABLE}. */
    public String healthStatus() {
        JsonNode health = health();
        return health == null ? "UNREACHABLE" : health.path("status").asString("UNKNOWN");
    }

    /**
     * The body of {@code /actuator/health} as the operator sees it (with its components), or {@code null} when the
     * service does not answer.
     */
    public JsonNode health() {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                    .timeout(Duration.ofSeconds(5)).GET();
            String operatorKey = env.get("VIGIA_OPERATOR_KEY");
            if (operatorKey != null && !operatorKey.isBlank()) {
                request.header("Authorization", "Bearer " + operatorKey.trim()); // the components are the operator's
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** UP, whatever its components: for the web app, which has neither Kafka nor MongoDB. */
    public boolean isUp() {
        JsonNode health = health();
        return health != null && "UP".equals(health.path("status").asString());
    }

    /** UP with its Kafka and MongoDB components UP. */
    public boolean isHealthy() {
        JsonNode health = health();
        return health != null && "UP".equals(health.path("status").asString())
                && "UP".equals(health.path("components").path("kafka").path("status").asString())
                && "UP".equals(health.path("components").path("mongo").path("status").asString());
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public Path logFile() {
        return logFile;
    }
}
