package co.vigia.devstack.test;

import co.vigia.devstack.EmbeddedKafkaBroker;
import co.vigia.devstack.EmbeddedMongoServer;
import co.vigia.devstack.Ports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The one way integration tests get Kafka and MongoDB: real containers (Testcontainers) where Docker
 * runs, the embedded broker and wire-protocol server where it does not; the same test code either way.
 * Started once per JVM and shared by every test context. {@code VIGIA_TEST_INFRASTRUCTURE=embedded} or
 * {@code =containers} forces one.
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);
    private static Endpoints endpoints;

    /** Where the running infrastructure listens. */
    public record Endpoints(String kafkaBootstrapServers, String mongoBaseUri, String kind) {
        public String mongoUri(String database) {
            return mongoBaseUri + "/" + database;
        }
    }

    private TestInfrastructure() {
    }

    public static synchronized Endpoints endpoints() {
        if (endpoints == null) {
            endpoints = useContainers() ? startContainers() : startEmbedded();
            log.info("Integration tests run on {} Kafka ({}) and MongoDB ({})", endpoints.kind(),
                    endpoints.kafkaBootstrapServers(), endpoints.mongoBaseUri());
        }
        return endpoints;
    }

    private static boolean useContainers() {
        String forced = System.getenv("VIGIA_TEST_INFRASTRUCTURE");
        if (forced != null && !forced.isBlank()) {
            return forced.trim().toLowerCase(Locale.ROOT).startsWith("container");
        }
        // Asking Testcontainers costs seconds when no Docker is configured at all: look first.
        boolean dockerConfigured = System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"));
        if (!dockerConfigured) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Endpoints startContainers() {
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.2");
        MongoDBContainer mongo = new MongoDBContainer("mongo:7.0");
        kafka.start();
        mongo.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.stop();
            mongo.stop();
        }));
        String mongoUri = "mongodb://" + mongo.getHost() + ":" + mongo.getMappedPort(27017);
        return new Endpoints(kafka.getBootstrapServers(), mongoUri, "container");
    }

    private static Endpoints startEmbedded() {
        try {
            Path dir = Files.createTempDirectory("vigia-test-kafka");
            EmbeddedKafkaBroker kafka = new EmbeddedKafkaBroker(Ports.free(), Ports.free(), dir, 6).start();
            EmbeddedMongoServer mongo = new EmbeddedMongoServer(Ports.free(), null).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                kafka.stop();
                mongo.stop();
            }));
            return new Endpoints(kafka.bootstrapServers(), "mongodb://localhost:" + mongo.port(), "embedded");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
