package co.vigia.notify.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Group commit: callers on many threads share one write a group, and each still gets the answer for its own item, or
 * the failure of the write its item was in.
 */
class GroupCommitTests {

    private static final long WAIT_SECONDS = 10;

    private final ExecutorService callers = Executors.newFixedThreadPool(32);
    private final List<Thread> callerThreads = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    @Test
    void everyCallerGetsTheAnswerForItsOwnItemAndNoGroupExceedsTheBound() throws Exception {
        List<Integer> groupSizes = new CopyOnWriteArrayList<>();
        GroupCommit<String, String> commit = new GroupCommit<>("test-writer", 8, items -> {
            groupSizes.add(items.size());
            pause(); // so requests queue up behind each write
            return items.stream().map(i -> "written:" + i).toList();
        });

        List<Future<List<String>>> threads = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        for (int t = 0; t < 16; t++) {
            int thread = t;
            threads.add(callers.submit(() -> {
                start.await();
                List<String> mismatches = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    String item = thread + "-" + i;
                    String answer = commit.write(item);
                    if (!answer.equals("written:" + item)) {
                        mismatches.add(item + " got " + answer);
                    }
                }
                return mismatches;
            }));
        }
        start.countDown();
        for (Future<List<String>> thread : threads) {
            assertThat(thread.get(60, TimeUnit.SECONDS)).isEmpty();
        }

        assertThat(groupSizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(16 * 50);
        assertThat(groupSizes).allSatisfy(size -> assertThat(size).isBetween(1, 8));
        assertThat(groupSizes).as("requests shared writes").anySatisfy(size -> assertThat(size).isGreaterThan(1));
    }

    @Test
    void requestsArrivingDuringASlowWriteGoTogetherInTheNextGroup() throws Exception {
        CountDownLatch firstWriteMayFinish = new CountDownLatch(1);
        CountDownLatch firstWriteStarted = new CountDownLatch(1);
        List<List<String>> groups = new CopyOnWriteArrayList<>();
        GroupCommit<String, String> commit = new GroupCommit<>("test-writer", 256, items -> {
            groups.add(items);
            return slowFirst(items, firstWriteStarted, firstWriteMayFinish);
        });

        Future<String> slow = call(commit, "slow");
        assertThat(firstWriteStarted.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        List<Future<String>> meanwhile = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            meanwhile.add(call(commit, "item-" + i));
        }
        awaitAllCallersWaiting(21);
        firstWriteMayFinish.countDown();

        assertThat(slow.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("written:slow");
        for (int i = 0; i < 20; i++) {
            assertThat(meanwhile.get(i).get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("written:item-" + i);
        }
        // 21 requests, 2 writes: the slow one, then everything that queued behind it
        assertThat(groups).hasSize(2);
        assertThat(groups.get(1)).hasSize(20);
    }

    @Test
    void aFailedGroupWriteIsThrownToEveryCallerOfThatGroupAndTheNextGroupIsWritten() throws Exception {
        CountDownLatch firstWriteMayFinish = new CountDownLatch(1);
        CountDownLatch firstWriteStarted = new CountDownLatch(1);
        IllegalStateException refused = new IllegalStateException("the database refused the write");
        GroupCommit<String, String> commit = new GroupCommit<>("test-writer", 256, items -> {
            if (items.contains("poison")) {
                throw refused;
            }
            return slowFirst(items, firstWriteStarted, firstWriteMayFinish);
        });

        Future<String> slow = call(commit, "slow");
        assertThat(firstWriteStarted.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        List<Future<String>> failingGroup = new ArrayList<>();
        for (String item : List.of("a", "b", "poison", "c")) {
            failingGroup.add(call(commit, item));
        }
        awaitAllCallersWaiting(5);
        firstWriteMayFinish.countDown();

        assertThat(slow.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("written:slow");
        for (Future<String> caller : failingGroup) {
            assertThatThrownBy(() -> caller.get(WAIT_SECONDS, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause().isSameAs(refused);
        }
        assertThat(call(commit, "after").get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("written:after");
    }

    @Test
    void closingWritesWhatIsQueuedThenStopsTheWriterAndRefusesLaterWrites() throws Exception {
        CountDownLatch firstWriteMayFinish = new CountDownLatch(1);
        CountDownLatch firstWriteStarted = new CountDownLatch(1);
        GroupCommit<String, String> commit = new GroupCommit<>("closing-writer", 256,
                items -> slowFirst(items, firstWriteStarted, firstWriteMayFinish));
        Future<String> slow = call(commit, "slow");
        assertThat(firstWriteStarted.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        Future<String> queued = call(commit, "queued");
        awaitAllCallersWaiting(2);

        Future<?> closing = callers.submit(() -> {
            commit.close(java.time.Duration.ofSeconds(WAIT_SECONDS));
            return null;
        });
        firstWriteMayFinish.countDown();
        closing.get(WAIT_SECONDS * 2, TimeUnit.SECONDS);

        assertThat(slow.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("written:slow");
        assertThat(queued.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo("written:queued");
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("closing-writer"));
        assertThatThrownBy(() -> commit.write("late")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    /** Answers each item; a group holding "slow" says it started and waits until it may finish. */
    private static List<String> slowFirst(List<String> items, CountDownLatch started, CountDownLatch mayFinish) {
        if (items.contains("slow")) {
            started.countDown();
            await(mayFinish);
        }
        return items.stream().map(i -> "written:" + i).toList();
    }

    private Future<String> call(GroupCommit<String, String> commit, String item) {
        return callers.submit(() -> {
            callerThreads.add(Thread.currentThread());
            return commit.write(item);
        });
    }

    /** Until {@code count} callers wait for their answer: each has queued its request. */
    private void awaitAllCallersWaiting(int count) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (callerThreads.size() < count
                || !callerThreads.stream().allMatch(GroupCommitTests::waitsForItsAnswer)) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("callers still not waiting: " + callerThreads.size());
            }
            Thread.sleep(1);
        }
    }

    private static boolean waitsForItsAnswer(Thread caller) {
        // parked in CompletableFuture.get: write queues the request before it waits
        return caller.getState() == Thread.State.WAITING && Arrays.stream(caller.getStackTrace())
                .anyMatch(frame -> frame.getClassName().equals(CompletableFuture.class.getName()));
    }

    private static void pause() {
        try {
            Thread.sleep(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the write finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
