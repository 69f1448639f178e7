package co.vigia.web.site;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When run-local.sh's devstack starts the website it passes its pid in {@code VIGIA_SUPERVISOR_PID}; if the
 * supervisor dies, even by SIGKILL, the website exits too, as the services do (their copy lives in
 * vigia-service-starter, which this app does not use: it brings Kafka and MongoDB).
 */
@Component
public class SupervisorWatchdog {

    private static final Logger log = LoggerFactory.getLogger(SupervisorWatchdog.class);

    public SupervisorWatchdog(@Value("${VIGIA_SUPERVISOR_PID:}") String pid) {
        if (pid == null || pid.isBlank()) {
            return;
        }
        long supervisor = Long.parseLong(pid.trim());
        ProcessHandle.of(supervisor).ifPresentOrElse(
                handle -> handle.onExit().thenRun(() -> exit("supervisor " + supervisor + " exited")),
                () -> exit("supervisor " + supervisor + " is not running"));
    }

    private static void exit(String why) {
        log.warn("Stopping: {}", why);
        // System.exit runs the shutdown hooks, so Spring closes the context gracefully
        new Thread(() -> System.exit(0), "supervisor-watchdog-exit").start();
    }
}
