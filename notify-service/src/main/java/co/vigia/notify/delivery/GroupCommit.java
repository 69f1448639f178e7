package co.vigia.notify.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what many threads ask for in groups, one write for each group (group commit): one daemon thread takes
 * everything queued (up to {@code maxGroup}), writes it in one go and answers each caller, while the next group
 * queues up behind that write. Under load a group holds as many requests as arrived during the previous write;
 * alone, a request waits for nothing but its own write. A caller waits for its own answer, so nothing it was told
 * is written is only queued.
 *
 * @param <T> what a caller asks to write
 * @param <R> the answer for one request
 */
final class GroupCommit<T, R> {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private record Request<T, R>(T item, CompletableFuture<R> answer) {
    }

    private final String name;
    private final int maxGroup;
    private final Function<List<T>, List<R>> writeAll;
    private final BlockingQueue<Request<T, R>> queue = new LinkedBlockingQueue<>();
    private Thread writer;
    private volatile boolean closed;

    /** {@code writeAll} answers its group's requests in their order, or throws for all of them. */
    GroupCommit(String name, int maxGroup, Function<List<T>, List<R>> writeAll) {
        this.name = name;
        this.maxGroup = maxGroup;
        this.writeAll = writeAll;
    }

    /** Queues {@code item} for the next group and waits for its answer; a failed group write is thrown here. */
    R write(T item) throws InterruptedException {
        CompletableFuture<R> answer = new CompletableFuture<>();
        ensureWriter();
        queue.add(new Request<>(item, answer));
        if (closed && queue.remove(new Request<>(item, answer))) {
            throw new IllegalStateException(name + " is closed");
        }
        try {
            return answer.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Writes what is queued, then stops the writer (waiting at most {@code within}); a later {@link #write} is
     * refused. Called at shutdown once the callers are stopped, so nothing a caller was told is written is lost.
     */
    void close(java.time.Duration within) throws InterruptedException {
        closed = true;
        Thread running;
        synchronized (this) {
            running = writer;
        }
        if (running != null) {
            running.join(within.toMillis());
        }
    }

    private synchronized void ensureWriter() {
        if (closed) {
            throw new IllegalStateException(name + " is closed");
        }
        if (writer == null) {
            writer = new Thread(this::run, name);
            writer.setDaemon(true);
            writer.start();
        }
    }

    private void run() {
        List<Request<T, R>> group = new ArrayList<>(maxGroup);
        while (true) {
            try {
                // polls, so that a closed writer ends once its queue is empty
                Request<T, R> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    if (closed) {
                        return;
                    }
                    continue;
                }
                group.add(first);
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(group, maxGroup - 1);
            try {
                List<R> answers = writeAll.apply(group.stream().map(Request::item).toList());
                for (int i = 0; i < group.size(); i++) {
                    group.get(i).answer().complete(answers.get(i));
                }
            } catch (RuntimeException e) {
                log.debug("Group write {} of {} failed: {}", name, group.size(), e.toString());
                group.forEach(r -> r.answer().completeExceptionally(e));
            } catch (Error e) {
                // its callers are answered, and the next write starts another writer rather than waiting forever
                group.forEach(r -> r.answer().completeExceptionally(e));
                synchronized (this) {
                    writer = null;
                }
                throw e;
            }
            group.clear();
        }
    }
}
