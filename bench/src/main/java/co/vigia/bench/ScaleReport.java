package co.vigia.bench;

import static co.vigia.bench.Report.fmt;

/** The report's figures 6 (the scale) and 7 (the AOT cache): their table rows and their sections. */
final class ScaleReport {

    private ScaleReport() {
    }

    static String rows(Bench.Results r) {
        StringBuilder t = new StringBuilder();
        Scale.Result scale = r.scale();
        if (scale != null && !scale.points().isEmpty()) {
            StringBuilder fan = new StringBuilder();
            StringBuilder e2e = new StringBuilder();
            for (Scale.Point p : scale.points()) {
                fan.append(fan.isEmpty() ? "" : ", ").append(fmt("%,d: %.2f", p.subscriptions(),
                        p.fanoutCpuMsPerDelivery()));
                e2e.append(e2e.isEmpty() ? "" : ", ").append(fmt("%,d: %.1f", p.subscriptions(), p.e2eCpuMsPerVote()));
            }
            t.append("| 6. scale: CPU ms per delivery of one event fanned out to N subscriptions; CPU ms per vote "
                    + "matching " + Scale.MATCHING + " while N others are filtered out | fan-out " + fan + "; end to end "
                    + e2e + " |  |  | (no target) | — |\n");
        }
        if (r.withoutAotCache() != null) {
            AotStart.Result without = r.withoutAotCache();
            t.append(fmt("| 7. AOT cache: start to all healthy; figure 1's warm-up until caught up | with: %.1f s; "
                            + "%d s | without: %.1f s; %d s | %.0f %% of the start | (no target) | — |\n",
                    r.startToHealthy().toMillis() / 1000.0, r.endToEnd().warmUp().toSeconds(),
                    without.startToHealthy().toMillis() / 1000.0, without.warmUp().duration().toSeconds(),
                    100.0 * r.startToHealthy().toMillis() / Math.max(1, without.startToHealthy().toMillis())));
        }
        return t.toString();
    }

    static String sections(Bench.Results r) {
        StringBuilder md = new StringBuilder();
        Scale.Result scale = r.scale();
        if (scale != null) {
            md.append("\n## 6. Scale\n\n");
            md.append(fmt("On a stack of its own, subscriptions to one bill created through the API as the operator "
                    + "onboards NGOs (`POST /api/subscribers`, then ten endpoints an NGO in `POST "
                    + "/api/subscriptions:batch` requests of %d), up to each size in turn. At each: one vote on "
                    + "that bill, fanned out to all of them (after %d untimed fan-outs at the first size until "
                    + "notify-service's JIT took under %.0f %% of its CPU), then %d votes at %d/s on another bill that "
                    + "%d other subscriptions follow, so that every vote's event is matched against all of them and "
                    + "delivered to those %d. CPU is the four JVMs' (the three services and the benchmark's, with "
                    + "the embedded Kafka, MongoDB and the sink), from the vote's POST until every webhook arrived "
                    + "and every consumer had read every topic.\n\n", BenchStack.BATCH, scale.warmUps(),
                    100 * CpuReading.WARM_JIT_SHARE, Scale.VOTES, Scale.RATE, Scale.MATCHING, Scale.MATCHING));
            md.append("| subscriptions | created in (s) | fan-out: delivered, s | CPU ms a delivery | votes, webhooks "
                    + "| CPU ms a vote | CPU s (fan-out; votes) |\n|---|---|---|---|---|---|---|\n");
            for (Scale.Point p : scale.points()) {
                md.append(fmt("| %,d | %.1f | %d in %.1f | %.2f | %d, %d | %.1f | %s; %s |\n", p.subscriptions(),
                        p.creation().toMillis() / 1000.0, p.delivered(), p.fanoutTime().toMillis() / 1000.0,
                        p.fanoutCpuMsPerDelivery(), p.votes(), p.webhooks(), p.e2eCpuMsPerVote(), p.fanoutCpu(),
                        p.e2eCpu()));
            }
            if (scale.stopped() != null) {
                md.append("\nLarger sizes were not measured: ").append(scale.stopped()).append(".\n");
            }
        }
        AotStart.Result without = r.withoutAotCache();
        if (without != null) {
            md.append("\n## 7. The JDK's AOT cache\n\n");
            md.append(fmt("Every stack above starts its services from their ahead-of-time caches (JEP 483, 514, 515: "
                    + "devstack extracts each jar and makes its cache with one training run, "
                    + "`-XX:AOTCacheOutput` with `-Dspring.context.exit=onRefresh`, on the first start after a build; "
                    + "%s). Before figure 1's stack, one more was started without them, from the plain jars, "
                    + "and given figure 1's warm-up load.\n\n", r.training().isZero()
                    ? "the caches of this build were there already"
                    : fmt("this run trained them in %.1f s, not counted in any start", r.training().toMillis() / 1000.0)));
            md.append("| | start to all healthy (s) | figure 1's warm-up until caught up (s) | worst webhook latency "
                    + "(ms) by 10 s of the warm-up |\n|---|---|---|---|\n");
            md.append(fmt("| with the AOT cache (figure 1's stack) | %.1f | %d | %s |\n",
                    r.startToHealthy().toMillis() / 1000.0, r.endToEnd().warmUp().toSeconds(),
                    r.endToEnd().warmupWorstByWindow()));
            md.append(fmt("| without | %.1f | %d | %s |\n", without.startToHealthy().toMillis() / 1000.0,
                    without.warmUp().duration().toSeconds(), without.warmUp().worstByWindow()));
        }
        return md.toString();
    }
}
