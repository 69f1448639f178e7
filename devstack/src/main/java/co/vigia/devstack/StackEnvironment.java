package co.vigia.devstack;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where each part of the stack listens, and what each process is told of the others. */
final class StackEnvironment {

    private StackEnvironment() {
    }

    /** Every port the stack binds, with what it is for, in the order they are listed to a user. */
    static Map<Integer, String> ports(DevStack.Config config) {
        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(config.kafkaPort, "Kafka broker");
        ports.put(config.kafkaControllerPort, "Kafka controller");
        ports.put(config.mongoPort, "MongoDB");
        ports.put(config.smtpPort, "SMTP");
        ports.put(config.imapPort, "IMAP");
        ports.put(config.mailPagePort, "the received-mail page");
        for (Service s : Service.values()) {
            ports.put(config.ports.get(s), s.artifact());
        }
        ports.put(config.webPort, "web");
        return ports;
    }

    static Map<String, String> service(DevStack.Config config, Service service, String instanceSuffix,
                                       String kafkaBootstrapServers, String mongoUri, LocalSecretKeys secretKeys) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers);
        env.put("MONGODB_URI", mongoUri);
        env.put("VIGIA_OPERATOR_KEY", config.operatorKey);
        if (service == Service.NOTIFY) {
            env.put("VIGIA_SECRET_KEYS", secretKeys.keyring());
        }
        env.put("BILL_SERVICE_URL", url(config.ports.get(Service.BILL)));
        env.put("VIGIA_PUBLIC_BASE_URL_BILL", url(config.ports.get(Service.BILL)));
        env.put("VIGIA_PUBLIC_BASE_URL_VOTE", url(config.ports.get(Service.VOTE)));
        env.put("VIGIA_PUBLIC_BASE_URL_NOTIFY", url(config.ports.get(Service.NOTIFY)));
        env.put("VIGIA_PUBLIC_WEB_BASE_URL", url(config.webPort));
        env.put("VIGIA_KAFKA_PARTITIONS", String.valueOf(config.partitions));
        env.put("VIGIA_INSTANCE_ID", service.artifact() + instanceSuffix);
        env.put("SPRING_MAIL_HOST", "127.0.0.1");
        env.put("SPRING_MAIL_PORT", String.valueOf(config.smtpPort));
        env.putAll(config.commonEnv);
        env.putAll(config.serviceEnv.getOrDefault(service, Map.of()));
        return env;
    }

    /** The website reads from the services; it holds no Kafka or MongoDB client. */
    static Map<String, String> web(DevStack.Config config) {
        Map<String, String> env = new HashMap<>();
        env.put("BILL_SERVICE_URL", url(config.ports.get(Service.BILL)));
        env.put("VOTE_SERVICE_URL", url(config.ports.get(Service.VOTE)));
        env.put("NOTIFY_SERVICE_URL", url(config.ports.get(Service.NOTIFY)));
        env.put("VIGIA_OPERATOR_KEY", config.operatorKey);
        env.put("VIGIA_WEB_PUBLIC_URL", url(config.webPort));
        env.putAll(config.commonEnv);
        return env;
    }

    private static String url(int port) {
        return "http://localhost:" + port;
    }
}
