package co.vigia.dashboard.overview;

import co.vigia.dashboard.probe.MonitoredService;
import co.vigia.dashboard.probe.Poller;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The page polls this every 2 s; the operator key filter guards it. Answered from the poller's memory. */
@RestController
public class OverviewController {

    private final Poller poller;
    private final Clock clock;

    public OverviewController(Poller poller, Clock clock) {
        this.poller = poller;
        this.clock = clock;
    }

    @GetMapping("/api/overview")
    public Overview overview() {
        Instant now = clock.instant();
        Map<MonitoredService, CounterWindow.Increase> increases = new EnumMap<>(MonitoredService.class);
        for (MonitoredService s : MonitoredService.values()) {
            increases.put(s, poller.window(s).increase(now));
        }
        return OverviewAssembler.assemble(now, poller.snapshots(), increases);
    }
}
