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

    /** CPU time a process has used (user + system), in ms, from /proc/<pid>/stat; 0 when it is gone. */
    static long cpuMillis(long pid) {
        return statCpuMillis(Path.of("/proc", String.valueOf(pid), "stat"));
    }

    /**
     * CPU time a JVM's JIT compiler threads ("C1 CompilerThre", "C2 CompilerThre") have used, in ms, from
     * /proc/pid/task. A compiler thread the JVM retired takes its time with it, so this can only under-count.
     */
    static long jitMillis(long pid) {
        try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
            return tasks.filter(Machine::compilerThread).mapToLong(task -> statCpuMillis(task.resolve("stat"))).sum();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static boolean compilerThread(Path task) {
        try {
            String comm = Files.readString(task.resolve("comm"));
            return comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler");
        } catch (IOException e) {
            return false;
        }
    }

    /** utime + stime of a /proc stat file (a process's or one thread's), in ms. */
    private static long statCpuMillis(Path statFile) {
        try {
            String stat = Files.readString(statFile);
            // the fields after the command name, which is in parentheses and may hold spaces
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1000 / CLOCK_TICKS;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * CPU time all cores have spent busy (not idle or waiting on I/O) since boot, in ms, from /proc/stat. Time stolen
     * by the hypervisor counts as busy: a core it takes is not ours either (a few ticks a minute on this machine).
     */
    static long machineBusyMillis() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                if (i != 4 && i != 5) { // idle, iowait
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy * 1000 / CLOCK_TICKS;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** USER_HZ: 100 on every Linux this runs on (sysconf is not reachable from Java). */
    private static final long CLOCK_TICKS = 100;

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
