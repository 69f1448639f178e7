package co.vigia.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Figure 6: how the cost grows with the work. At each size (1,000, 10,000 and 100,000 subscriptions), all created
 * through the API as the operator onboards NGOs (ten endpoints per NGO, {@code POST /api/subscriptions:batch}; one
 * by one, each request counts the NGO's endpoints, which the embedded MongoDB server answers by reading the whole
 * collection), on a stack of its own: the CPU per
 * delivery of one event fanned out to all of them, and the CPU per vote of a stream of votes that match ten other
 * subscriptions while every one of these is checked and skipped (figure 1's path, with more to filter).
 */
final class Scale {

    /** One size: how long creating its subscriptions took, then what a fan-out and the stream of votes cost. */
    record Point(int subscriptions, Duration creation, long delivered, Duration fanoutTime, double fanoutCpuMsPerDelivery,
                 int votes, long webhooks, double e2eCpuMsPerVote, String fanoutCpu, String e2eCpu) {
    }

    /** The sizes measured; {@code stopped} says why a larger one was not, or is null. */
    record Result(List<Point> points, int warmUps, String stopped) {
    }

    static final String BILL = "scale-bill";
    static final String E2E_BILL = "scale-e2e-bill";
    static final int MATCHING = 10;
    /** Votes of the end-to-end stream at each size, at {@link #RATE} a second. */
    static final int VOTES = 100;
    static final int RATE = 10;
    /** Creating a size's subscriptions may take this long at most; larger sizes are then left out. */
    static final Duration MAX_CREATION = Duration.ofMinutes(12);

    private Scale() {
    }

    static Result measure(BenchStack stack, WebhookSink sink, BenchSettings s) {
        stack.bill(BILL, "SENATE");
        stack.bill(E2E_BILL, "SENATE");
        stack.subscriptions("scale-match", MATCHING, 1, i -> List.of(E2E_BILL), i -> sink.url("scale-e2e", "m" + i));
        List<Point> points = new ArrayList<>();
        int have = 0;
        int warmUps = 0;
        String stopped = null;
        for (int size : s.scaleSizes()) {
            int from = have;
            long started = System.nanoTime();
            stack.subscriptionsInBatches("scale-" + size, size - from, i -> List.of(BILL),
                    i -> sink.url("scale", "s" + (from + i)));
            Duration creation = Duration.ofNanos(System.nanoTime() - started);
            have = size;
            Bench.log("scale: " + size + " subscriptions (" + (size - from) + " created in " + creation.toSeconds()
                    + " s)");
            if (points.isEmpty()) {
                warmUps = warmUp(stack, sink, s, size);
            }
            points.add(point(stack, sink, s, size, creation, warmUps + points.size()));
            if (creation.compareTo(MAX_CREATION) > 0) {
                stopped = "creating " + (size - from) + " subscriptions took " + creation.toMinutes() + " min";
                break;
            }
        }
        return new Result(List.copyOf(points), warmUps, stopped);
    }

    /** Fan-outs at the first size until notify-service's JIT took under a sixth of its CPU (at most 8). */
    private static int warmUp(BenchStack stack, WebhookSink sink, BenchSettings s, int size) {
        int max = s.full() ? Fanout.MAX_WARM_UPS : 1;
        for (int n = 0; n < max; n++) {
            CpuReading before = stack.cpu();
            fanOut(stack, sink, s, size, n);
            double share = stack.cpu().jitShareSince("notify", before);
            Bench.log(String.format("scale warm-up %d: notify-service's JIT %.0f %% of its CPU", n + 1, 100 * share));
            if (share < CpuReading.WARM_JIT_SHARE) {
                return n + 1;
            }
        }
        return max;
    }

    private static Point point(BenchStack stack, WebhookSink sink, BenchSettings s, int size, Duration creation,
                               int vote) {
        stack.awaitConsumersCaughtUp(s.deadline());
        CpuReading before = stack.cpu();
        long started = System.nanoTime();
        long delivered = fanOut(stack, sink, s, size, vote);
        Duration fanoutTime = Duration.ofNanos(System.nanoTime() - started);
        CpuReading afterFanout = stack.cpu();
        long fanoutCpu = afterFanout.millisSince(before);

        WebhookSink.Group matched = sink.group("scale-e2e");
        int planned = s.full() ? VOTES : RATE; // the smoke run: one second of votes
        long expected = matched.distinct() + (long) planned * MATCHING;
        int votes = Pacer.run(RATE, Duration.ofSeconds(planned / RATE), (i, scheduled) -> stack.vote.post("/api/votes",
                BenchStack.rollCallWithoutQuorum("scale-" + size + "-e2e-" + i, E2E_BILL)).expect2xx());
        Machine.await(s.deadline(), () -> matched.distinct() >= expected);
        stack.awaitConsumersCaughtUp(s.deadline());
        CpuReading afterE2e = stack.cpu();
        long webhooks = matched.distinct() - (expected - (long) planned * MATCHING);
        Point point = new Point(size, creation, delivered, fanoutTime, (double) fanoutCpu / Math.max(1, delivered),
                votes, webhooks, (double) afterE2e.millisSince(afterFanout) / Math.max(1, votes),
                afterFanout.since(before), afterE2e.since(afterFanout));
        Bench.log(String.format("scale %d: fan-out %d deliveries in %d ms, %.2f CPU ms a delivery; %d votes, %.1f CPU ms"
                        + " a vote (%d webhooks)", size, delivered, fanoutTime.toMillis(),
                point.fanoutCpuMsPerDelivery(), votes, point.e2eCpuMsPerVote(), webhooks));
        return point;
    }

    /** One vote on {@link #BILL}; waits (bounded) for its {@code size} webhooks and returns how many arrived. */
    private static long fanOut(BenchStack stack, WebhookSink sink, BenchSettings s, int size, int vote) {
        WebhookSink.Group group = sink.group("scale");
        long before = group.distinct();
        stack.vote.post("/api/votes", BenchStack.rollCallWithoutQuorum("scale-v-" + vote, BILL)).expect2xx();
        Machine.await(s.deadline(), () -> group.distinct() >= before + size);
        return group.distinct() - before;
    }
}
