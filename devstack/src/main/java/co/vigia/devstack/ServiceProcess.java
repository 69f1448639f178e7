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

    public synchronized ServiceProcess start() {
        if (process != null && process.isAlive()) {
            return this;
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (./mvnw -DskipTests package)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        builder.environment().put("VIGIA_SUPERVISOR_PID", String.valueOf(ProcessHandle.current().pid()));
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
