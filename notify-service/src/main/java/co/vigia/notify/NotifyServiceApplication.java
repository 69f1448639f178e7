package co.vigia.notify;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class NotifyServiceApplication {

    /** The common pool's parallelism below which CompletableFuture starts a thread per async task. */
    static final String COMMON_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    public static void main(String[] args) {
        // On 1 or 2 cores the common pool has a parallelism of 1, and CompletableFuture then runs every async step on
        // a new thread: the JDK HttpClient's sendAsync hands each response to one, so every webhook started a thread
        // (26,001 in a 200 s benchmark run). Set before anything touches CompletableFuture; an explicit -D wins.
        if (System.getProperty(COMMON_PARALLELISM) == null && Runtime.getRuntime().availableProcessors() <= 2) {
            System.setProperty(COMMON_PARALLELISM, "2");
        }
        SpringApplication.run(NotifyServiceApplication.class, args);
    }
}
