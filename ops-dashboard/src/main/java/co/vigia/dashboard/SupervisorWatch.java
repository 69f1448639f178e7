package co.vigia.dashboard;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a supervisor (run-local.sh's devstack, the tests) starts the dashboard it passes its pid in
 * {@code VIGIA_SUPERVISOR_PID}; if the supervisor dies, even by SIGKILL, the dashboard exits too, so no process is
 * left behind. (The services get the same from the starter, which the dashboard does not use.)
 */
final class SupervisorWatch {

    private static final Logger log = LoggerFactory.getLogger(SupervisorWatch.class);

    private SupervisorWatch() {
    }

    static void fromEnvironment() {
        String pid = System.getenv("VIGIA_SUPERVISOR_PID");
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
        // System.exit runs the shutdown hooks, so Spring closes the context gracefully.
        new Thread(() -> System.exit(0), "supervisor-watch-exit").start();
    }
}
