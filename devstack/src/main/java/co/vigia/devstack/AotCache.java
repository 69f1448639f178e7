package co.vigia.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The JDK's ahead-of-time cache (JEP 483, 514, 515) of one Spring Boot jar, made as Spring Boot documents it: the jar
 * extracted (the cache needs plain jars on the class path, not nested ones), then one training run that exits once
 * the context has refreshed ({@code -Dspring.context.exit=onRefresh}) and writes the cache
 * ({@code -XX:AOTCacheOutput}). Each lives in {@code target/aot/<key>} beside the jar, the key naming the jar's size
 * and time, the JDK and the JVM options: a rebuilt jar or another JDK gets a new one, never a stale one. Anything
 * that fails leaves the plain jar to start as before; a cache the JVM itself refuses it only warns about.
 */
public final class AotCache {

    /** How a service starts: extra JVM options and the jar to run. */
    public record Launch(List<String> jvmOptions, Path jar, boolean cached) {
    }

    /** A training run takes under a minute on a quiet 2-core machine; minutes when six builds share it. */
    static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(4);

    private static final String CACHE = "app.aot";
    /** Left where a training failed, so that no other process (the next test module) waits for it again. */
    private static final String FAILED_MARK = "training-failed";
    private static final Map<Path, Object> LOCKS = new ConcurrentHashMap<>();
    /** Caches whose training failed in this process: not tried again at every start of the same jar. */
    private static final java.util.Set<Path> FAILED = ConcurrentHashMap.newKeySet();

    private AotCache() {
    }

    /** The launch with the cache if it is there already, else the plain jar; never trains. */
    public static Launch existing(Path jar, List<String> jvmOptions) {
        Path dir = directory(jar, jvmOptions);
        Path extracted = dir.resolve(jar.getFileName());
        Path cache = dir.resolve(CACHE);
        if (Files.isRegularFile(cache) && Files.isRegularFile(extracted)) {
            return new Launch(List.of("-XX:AOTCache=" + cache), extracted, true);
        }
        return new Launch(List.of(), jar, false);
    }

    /**
     * The cache of {@code jar}, made first if missing (a training run with the service's own environment, so that it
     * refreshes its context as it will when it starts); the plain jar if that fails. {@code log} gets the training
     * run's output.
     */
    public static Launch prepare(Path jar, List<String> jvmOptions, Map<String, String> env, Path log) {
        Launch existing = existing(jar, jvmOptions);
        if (existing.cached() || !Files.isRegularFile(jar)) {
            return existing;
        }
        Path dir = directory(jar, jvmOptions);
        synchronized (LOCKS.computeIfAbsent(dir, d -> new Object())) {
            existing = existing(jar, jvmOptions);
            if (existing.cached() || FAILED.contains(dir) || Files.exists(dir.resolve(FAILED_MARK))) {
                return existing;
            }
            try {
                Files.createDirectories(log.getParent());
                Path extracted = extract(jar, dir, log);
                train(extracted, trainingOptions(jvmOptions), env, dir.resolve(CACHE), log);
                removeOthers(dir);
            } catch (IOException | RuntimeException e) {
                FAILED.add(dir);
                appendQuietly(log, "no AOT cache, starting from the jar: " + e + "\n");
                appendQuietly(dir.resolve(FAILED_MARK), e + "\n");
            } catch (InterruptedException e) {
                FAILED.add(dir);
                Thread.currentThread().interrupt();
            }
            return existing(jar, jvmOptions);
        }
    }

    /** {@code target/aot/<key>} beside the jar. */
    static Path directory(Path jar, List<String> jvmOptions) {
        Path abs = jar.toAbsolutePath().normalize();
        String key;
        try {
            key = Files.size(abs) + "|" + Files.getLastModifiedTime(abs).toMillis();
        } catch (IOException e) {
            key = "missing";
        }
        key += "|" + System.getProperty("java.home") + "|" + System.getProperty("java.vm.version") + "|"
                + String.join(" ", trainingOptions(jvmOptions));
        return abs.getParent().resolve("aot").resolve(abs.getFileName() + "-" + hash(key));
    }

    /** Options that only observe (a JFR recording) stay out of the training run and of the key. */
    static List<String> trainingOptions(List<String> jvmOptions) {
        return jvmOptions.stream().filter(o -> !o.startsWith("-XX:StartFlightRecording")).toList();
    }

    /** {@code java -Djarmode=tools -jar app.jar extract}, into a temporary directory renamed to {@code dir}. */
    private static Path extract(Path jar, Path dir, Path log) throws IOException, InterruptedException {
        Path extracted = dir.resolve(jar.getFileName());
        if (Files.isRegularFile(extracted)) {
            return extracted;
        }
        Path tmp = dir.resolveSibling(dir.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        deleteRecursively(tmp);
        run(List.of(java(), "-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(), "extract", "--destination",
                tmp.toString()), Map.of(), log);
        try {
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
            deleteRecursively(tmp); // another launcher extracted the same jar meanwhile
        }
        return extracted;
    }

    private static void train(Path extracted, List<String> jvmOptions, Map<String, String> env, Path cache, Path log)
            throws IOException, InterruptedException {
        Path tmp = cache.resolveSibling(CACHE + ".tmp-" + ProcessHandle.current().pid());
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmOptions);
        command.add("-XX:AOTCacheOutput=" + tmp);
        command.add("-Dspring.context.exit=onRefresh");
        command.add("-jar");
        command.add(extracted.toString());
        Map<String, String> trainingEnv = new java.util.HashMap<>(env);
        trainingEnv.put("SERVER_PORT", "0"); // the web server is not started on refresh; never a port in use
        try {
            run(command, trainingEnv, log);
        } catch (IOException | RuntimeException | InterruptedException e) {
            Files.deleteIfExists(tmp);
            throw e;
        } finally {
            Files.deleteIfExists(tmp.resolveSibling(tmp.getFileName() + ".config")); // JDK 25's intermediate file
        }
        if (!Files.isRegularFile(tmp)) {
            throw new IllegalStateException("the training run wrote no cache");
        }
        try {
            Files.move(tmp, cache, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, cache, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void run(List<String> command, Map<String, String> env, Path log)
            throws IOException, InterruptedException {
        appendQuietly(log, "$ " + String.join(" ", command) + "\n");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(TRAINING_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly); // the JVM that assembles the cache
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException("timed out after " + TRAINING_TIMEOUT.toSeconds() + " s: " + command);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("exit " + process.exitValue() + ": " + command);
        }
    }

    /** The caches of earlier builds of the same jar (target/ would otherwise grow by one per build). */
    private static void removeOthers(Path dir) {
        String jar = dir.getFileName().toString().replaceAll("-[0-9a-f]{16}$", "");
        try (Stream<Path> siblings = Files.list(dir.getParent())) {
            siblings.filter(p -> !p.equals(dir) && p.getFileName().toString().startsWith(jar + "-"))
                    .forEach(AotCache::deleteRecursively);
        } catch (IOException ignored) {
            // an old cache left behind costs only disk
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    private static void appendQuietly(Path log, String text) {
        try {
            Files.writeString(log, text, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // the log is for reading later; a start does not depend on it
        }
    }

    /** Deletes a directory and all in it, as far as it can: what is left behind is harmless. */
    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // left behind: harmless
        }
    }
}
