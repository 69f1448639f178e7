package co.vigia.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the figures depend on: this machine's cores, memory and load, and a process's resident memory. */
final class Machine {

    private Machine() {
    }

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Total memory in MiB, from /proc/meminfo (0 where there is none). */
    static long memoryMiB() {
        return procField(Path.of("/proc/meminfo"), "MemTotal:") / 1024;
    }

    /** The 1, 5 and 15 minute load averages as /proc/loadavg shows them. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Resident set size of a process in MiB (VmRSS), 0 when it is gone. */
    static long rssMiB(long pid) {
        return pid <= 0 ? 0 : procField(Path.of("/proc", String.valueOf(pid), "status"), "VmRSS:") / 1024;
    }

    private static long procField(Path file, String field) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (String line : lines) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Waits (bounded) until {@code done} holds; returns whether it did. */
    static boolean await(java.time.Duration within, java.util.function.BooleanSupplier done) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep(50);
        }
        return true;
    }
}
