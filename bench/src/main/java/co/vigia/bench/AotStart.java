package co.vigia.bench;

import java.time.Duration;

/**
 * Figure 7's other half: a stack started without the JDK's AOT cache (the services from their plain jars, as before
 * devstack made the caches), timed to all healthy, then figure 1's warm-up on it, to set beside figure 1's stack,
 * which starts from the caches.
 */
final class AotStart {

    /** Start to all healthy and figure 1's warm-up on a stack without the caches. */
    record Result(Duration startToHealthy, EndToEnd.WarmUp warmUp) {
    }

    private AotStart() {
    }

    static Result withoutCache(BenchSettings s) {
        return measure(s, false);
    }

    /** A fresh stack with or without the caches: start to all healthy, then figure 1's warm-up. */
    static Result measure(BenchSettings s, boolean aotCache) {
        String with = aotCache ? "with" : "without";
        try (WebhookSink sink = WebhookSink.start(8);
             BenchStack stack = BenchStack.start(s, sink.port(), aotCache)) {
            Bench.log(with + " the AOT cache: healthy in " + stack.startedIn.toMillis() + " ms (training before it "
                    + stack.training.toMillis() + " ms); figure 1's warm-up");
            EndToEnd.prepare(stack, sink, s);
            EndToEnd.WarmUp warmUp = EndToEnd.warmUpOnly(stack, sink, s);
            Bench.log(with + " the AOT cache: warm-up " + warmUp.duration().toSeconds() + " s, worst latency (ms) by"
                    + " 10 s: " + warmUp.worstByWindow());
            return new Result(stack.startedIn, warmUp);
        }
    }
}
