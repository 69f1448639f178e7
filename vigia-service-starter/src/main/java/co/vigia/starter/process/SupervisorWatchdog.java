package co.vigia.starter.process;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a supervisor (run-local.sh's devstack, the system tests) starts this service, it passes its pid
 * in {@code VIGIA_SUPERVISOR_PID}; if the supervisor dies, even by SIGKILL, the service exits too, so no
 * process is left behind.
 */
public final class SupervisorWatchdog {

    private static final Logger log = LoggerFactory.getLogger(SupervisorWatchdog.class);

    private final Long supervisorPid;

    private SupervisorWatchdog(Long supervisorPid) {
        this.supervisorPid = supervisorPid;
        if (supervisorPid == null) {
            return;
        }
        ProcessHandle.of(supervisorPid).ifPresentOrElse(
                supervisor -> supervisor.onExit().thenRun(() -> exit("supervisor " + supervisorPid + " exited")),
                () -> exit("supervisor " + supervisorPid + " is not running"));
    }

    public static SupervisorWatchdog fromEnvironment() {
        String pid = System.getenv("VIGIA_SUPERVISOR_PID");
        return new SupervisorWatchdog(pid == null || pid.isBlank() ? null : Long.valueOf(pid.trim()));
    }

    public boolean isWatching() {
        return supervisorPid != null;
    }

    private static void exit(String why) {
        log.warn("Stopping: {}", why);
        // System.exit runs the shutdown hooks, so Spring closes the context gracefully.
        new Thread(() -> System.exit(0), "supervisor-watchdog-exit").start();
    }
}
