package co.vigia.devstack;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Connects to a Kafka broker as any other client would and lists its topics; exits non-zero when it
 * cannot. CI runs it from its own process against {@code ./run-local.sh}'s broker:
 * {@code java -Dloader.main=co.vigia.devstack.KafkaProbe -jar devstack/target/devstack-*-exec.jar localhost:9092}.
 */
public final class KafkaProbe {

    private KafkaProbe() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        String bootstrap = args.length > 0 ? args[0] : "localhost:9092";
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000))) {
            String cluster = admin.describeCluster().clusterId().get(10, TimeUnit.SECONDS);
            Set<String> topics = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            System.out.println("Kafka at " + bootstrap + ": cluster " + cluster + ", topics " + new java.util.TreeSet<>(topics));
        } catch (Exception e) {
            System.err.println("Kafka at " + bootstrap + " is not reachable: " + e.getMessage());
            System.exit(1);
        }
    }
}
