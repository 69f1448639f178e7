package co.vigia.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One reading of the CPU time the stack's JVMs have used so far (each JVM's threads, and the part its JIT compiler
 * threads used), and the machine's busy time, taken at {@code nanoTime}; two readings give what each used between.
 */
record CpuReading(Map<String, ProcessCpu> processes, long machineBusyMillis, long nanoTime) {

    /** A JVM's CPU time so far, in ms: all its threads, and its C1 and C2 compiler threads. */
    record ProcessCpu(long totalMillis, long jitMillis) {

        static final ProcessCpu NONE = new ProcessCpu(0, 0);

        ProcessCpu minus(ProcessCpu earlier) {
            return new ProcessCpu(totalMillis - earlier.totalMillis, jitMillis - earlier.jitMillis);
        }
    }

    /** What {@code name} used between {@code before} and this reading. */
    private ProcessCpu usedSince(CpuReading before, String name) {
        return processes.get(name).minus(before.processes.getOrDefault(name, ProcessCpu.NONE));
    }

    /** Reads each process of {@code pids} (name to pid, in the order to print them) and the machine. */
    static CpuReading of(Map<String, Long> pids) {
        Map<String, ProcessCpu> processes = new LinkedHashMap<>();
        pids.forEach((name, pid) ->
                processes.put(name, new ProcessCpu(Machine.cpuMillis(pid), Machine.jitMillis(pid))));
        return new CpuReading(java.util.Collections.unmodifiableMap(processes), Machine.machineBusyMillis(),
                System.nanoTime());
    }

    /**
     * A JVM counts as warm once its JIT compiler threads use under this part of its CPU under load: on 2 saturated
     * cores HotSpot holds hot code in C1's profiling tier long past its nominal thresholds, and a figure measured
     * before then measures the compiler (docs/benchmarks-profiling.md, tenth session).
     */
    static final double WARM_JIT_SHARE = 0.15;

    /** The part of all the processes' CPU time since {@code before} that their JIT compiler threads used, 0 to 1. */
    double jitShareSince(CpuReading before) {
        return jitShareSince(before, processes.keySet());
    }

    /** The part of {@code process}'s CPU time since {@code before} that its JIT compiler threads used, 0 to 1. */
    double jitShareSince(String process, CpuReading before) {
        return jitShareSince(before, java.util.Set.of(process));
    }

    private double jitShareSince(CpuReading before, java.util.Set<String> names) {
        long total = 0;
        long jit = 0;
        for (String name : names) {
            ProcessCpu used = usedSince(before, name);
            total += used.totalMillis();
            jit += used.jitMillis();
        }
        return total <= 0 ? 0 : (double) jit / total;
    }

    /** The CPU ms all the processes used since {@code before}. */
    long millisSince(CpuReading before) {
        return processes.keySet().stream().mapToLong(name -> usedSince(before, name).totalMillis()).sum();
    }

    /**
     * What each used since {@code before}, e.g. {@code bill 4.3 (JIT 2.4), ..., machine 27.4 CPU s over 14.1 s
     * (97 % of 2 cores)}: CPU seconds, the JIT compiler threads' part in parentheses.
     */
    String since(CpuReading before) {
        StringBuilder out = new StringBuilder();
        processes.keySet().forEach(name -> {
            ProcessCpu used = usedSince(before, name);
            out.append(String.format("%s %.1f (JIT %.1f), ", name, used.totalMillis() / 1000.0,
                    used.jitMillis() / 1000.0));
        });
        double seconds = (nanoTime - before.nanoTime) / 1e9;
        double machine = (machineBusyMillis - before.machineBusyMillis) / 1000.0;
        return out + String.format("machine %.1f CPU s over %.1f s (%.0f %% of %d cores)", machine, seconds,
                100 * machine / (seconds * Machine.cores()), Machine.cores());
    }
}
