package co.vigia.devstack;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./run-local.sh}: starts the embedded Kafka broker and MongoDB server, the three services as
 * separate JVMs, waits until all are healthy and prints where everything is. SIGINT or SIGTERM stops
 * everything; the services also exit on their own if this process dies (they watch its pid).
 */
public final class DevStackMain {

    private static final String HELP = """
            Usage: ./run-local.sh [options]

            Starts Vigia on this machine: a real Apache Kafka broker (KRaft) and an embedded MongoDB
            wire-protocol server in one process, then bill-service, vote-service and notify-service as
            three JVMs, and the website (web) as a fourth. Ctrl-C stops everything.

            Options:
              --kafka-port N       Kafka broker port (default 9092; the controller uses N+1)
              --mongo-port N       MongoDB port (default 27017)
              --smtp-port N        the local SMTP server's port (default 3025; IMAP on 3143, the
                                   received-mail page on http://localhost:3080/)
              --bill-port N        bill-service port (default 8081)
              --vote-port N        vote-service port (default 8082)
              --notify-port N      notify-service port (default 8083)
              --web-port N         the website's port (default 8080)
              --data-dir DIR       keep Kafka's log and MongoDB's data in DIR across restarts
                                   (default: a temporary directory removed on exit)
              --log-dir DIR        where the services' logs go (default target/run-local/logs)
              --seed               load the record's seed data (the two total-peace bills) once healthy
              --webhook-allow LIST local webhook receivers notify-service may call over http, as
                                   host:port[,host:port...] (default localhost:9000,127.0.0.1:9000;
                                   host:* allows every port of a host, including the services' own)
              --timeout SECONDS    how long to wait for the services to be healthy (default 180)
              --no-aot-cache       start the JVMs without their ahead-of-time caches (by default the
                                   first start after a build trains one per service, in
                                   <module>/target/aot, and later starts use it)
              --help               this text

            Environment:
              VIGIA_OPERATOR_KEY   the operator API key (default: a random key, printed)
              VIGIA_WEBHOOK_ALLOWED_HOSTS  as --webhook-allow
              VIGIA_SECRET_KEYS    the key(s) webhook secrets are encrypted with (default: generated, and
                                   kept in --data-dir when given)
              VIGIA_SERVICE_JAVA_OPTS  JVM options for the services (default -Xmx256m -XX:+UseSerialGC)
              VIGIA_AOT_CACHE      off: as --no-aot-cache (also for the tests and benchmarks that start
                                   the stack)
            """;

    /** Where the walkthrough's receiver listens. */
    static final String DEFAULT_WEBHOOK_ALLOW = "localhost:9000,127.0.0.1:9000";

    private DevStackMain() {
    }

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
        System.setProperty("org.slf4j.simpleLogger.log.kafka", "error");
        try {
            System.exit(run(args));
        } catch (UsageException e) {
            System.err.println("run-local: " + e.getMessage() + " (see --help)");
            System.exit(2);
        }
    }

    static int run(String[] args) {
        DevStack.Config config = DevStack.config().repoRoot(Path.of(System.getProperty("vigia.repo", ".")));
        boolean seed = false;
        boolean aotCache = !"off".equals(System.getenv("VIGIA_AOT_CACHE"));
        int timeout = 180;
        String envAllowed = System.getenv("VIGIA_WEBHOOK_ALLOWED_HOSTS");
        String webhookAllow = envAllowed == null || envAllowed.isBlank() ? DEFAULT_WEBHOOK_ALLOW : envAllowed.trim();
        Deque<String> rest = new ArrayDeque<>(List.of(args));
        while (!rest.isEmpty()) {
            String option = rest.pop();
            switch (option) {
                case "--help", "-h" -> {
                    System.out.print(HELP);
                    return 0;
                }
                case "--kafka-port" -> {
                    int port = port(option, rest);
                    config.kafkaPort(port).kafkaControllerPort(port + 1);
                }
                case "--mongo-port" -> config.mongoPort(port(option, rest));
                case "--smtp-port" -> config.smtpPort(port(option, rest));
                case "--bill-port" -> config.port(Service.BILL, port(option, rest));
                case "--vote-port" -> config.port(Service.VOTE, port(option, rest));
                case "--notify-port" -> config.port(Service.NOTIFY, port(option, rest));
                case "--web-port" -> config.webPort(port(option, rest));
                case "--data-dir" -> config.dataDir(Path.of(value(option, rest)).toAbsolutePath());
                case "--log-dir" -> config.logDir(Path.of(value(option, rest)).toAbsolutePath());
                case "--timeout" -> timeout = number(option, rest);
                case "--seed" -> seed = true;
                case "--no-aot-cache" -> aotCache = false;
                case "--webhook-allow" -> webhookAllow = value(option, rest);
                default -> throw new UsageException("unknown option " + option);
            }
        }
        String key = System.getenv("VIGIA_OPERATOR_KEY");
        boolean generated = key == null || key.isBlank();
        config.operatorKey(generated ? randomKey() : key.trim());
        String javaOpts = System.getenv("VIGIA_SERVICE_JAVA_OPTS");
        if (javaOpts != null && !javaOpts.isBlank()) {
            config.jvmOptions(List.of(javaOpts.trim().split("\\s+")));
        }
        // The local run delivers webhooks to receivers on this machine, on the ports named only (every port of
        // localhost would let a subscriber reach the services' own ports, Kafka and MongoDB); production allows only
        // public https.
        config.env(Service.NOTIFY, "VIGIA_WEBHOOK_ALLOWED_HOSTS", webhookAllow);
        config.secretKeys(System.getenv("VIGIA_SECRET_KEYS"));

        DevStack stack = config.aotCache(aotCache).build();
        Map<Integer, String> busy = stack.busyPorts();
        if (!busy.isEmpty()) {
            Map.Entry<Integer, String> first = busy.entrySet().iterator().next();
            System.err.println("run-local: port " + first.getKey() + " (" + first.getValue()
                    + ") is already in use; stop what holds it or choose another port (see --help)");
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            System.out.println("\nStopping Vigia...");
            stack.close();
            System.out.println("Stopped.");
            stopped.countDown();
        }, "devstack-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        long started = System.nanoTime();
        System.out.println("Starting Kafka (localhost:" + config.kafkaPort() + "), MongoDB (localhost:"
                + config.mongoPort() + ") and SMTP (localhost:" + config.smtpPort() + ")...");
        try {
            stack.startInfrastructure();
            if (aotCache) {
                System.out.println("Checking the JVMs' ahead-of-time caches (the first start after a build trains"
                        + " them)...");
                stack.prepareAotCaches(true);
            }
            System.out.println("Starting bill-service, vote-service, notify-service and the website...");
            for (Service s : Service.values()) {
                stack.startService(s);
            }
            stack.startWeb();
            stack.awaitHealthy(Duration.ofSeconds(timeout));
            stack.awaitWebUp(Duration.ofSeconds(timeout));
        } catch (RuntimeException e) {
            System.err.println("run-local: " + e.getMessage());
            return 1;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (seed) {
            try {
                int loaded = Seed.load(stack);
                System.out.println("Seed data loaded (" + loaded + " requests).");
            } catch (RuntimeException e) {
                System.err.println("run-local: seeding failed: " + e.getMessage());
            }
        }
        printTable(stack, config, generated, seconds);
        System.out.println("Webhooks may also reach, over http: " + webhookAllow + " (--webhook-allow to change)");
        System.out.println("Webhook secrets are encrypted at rest with a key " + stack.secretKeys().origin() + ".");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static void printTable(DevStack stack, DevStack.Config config, boolean generated, double seconds) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%nAbra %s%n", stack.web().baseUrl()));
        out.append(String.format("%nVigia is up (all healthy in %.1f s).%n%n", seconds));
        String row = "%-15s %-28s %-45s %-45s %s%n";
        out.append(String.format(row, "service", "API", "Swagger UI", "health", "log"));
        for (Service s : Service.values()) {
            ServiceProcess p = stack.service(s);
            out.append(String.format(row, s.artifact(), p.baseUrl() + "/api", p.baseUrl() + "/swagger-ui.html",
                    p.baseUrl() + "/actuator/health", p.logFile().toAbsolutePath().normalize()));
        }
        out.append(String.format(row, "web", stack.web().baseUrl(), "", stack.web().baseUrl() + "/actuator/health",
                stack.web().logFile().toAbsolutePath().normalize()));
        out.append(String.format("%nKafka:   %s%nMongoDB: %s%n", stack.kafka().bootstrapServers(),
                "mongodb://localhost:" + config.mongoPort()));
        out.append(String.format("SMTP:    localhost:%d (GreenMail; nothing leaves this machine). Emails sent: %s%n"
                        + "         or over IMAP on localhost:%d, user and password both the recipient's address%n",
                stack.mail().smtpPort(), stack.mail().pageUrl(), stack.mail().imapPort()));
        out.append(String.format("Operator API key%s: %s%n", generated ? " (generated; set VIGIA_OPERATOR_KEY to choose)" : "",
                config.operatorKey()));
        out.append("Press Ctrl-C to stop.\n");
        System.out.print(out);
        System.out.flush();
    }

    private static String randomKey() {
        byte[] raw = new byte[24];
        new SecureRandom().nextBytes(raw);
        return "vgk_op_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    private static String value(String option, Deque<String> rest) {
        if (rest.isEmpty()) {
            throw new UsageException(option + " needs a value");
        }
        return rest.pop();
    }

    private static int number(String option, Deque<String> rest) {
        String v = value(option, rest);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a number, not '" + v + "'");
        }
    }

    private static int port(String option, Deque<String> rest) {
        int port = number(option, rest);
        if (port < 1 || port > 65534) {
            throw new UsageException(option + " must be a port between 1 and 65534");
        }
        return port;
    }

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
