package co.vigia.web.ops;

import co.vigia.web.ops.overview.Overview;
import co.vigia.web.ops.overview.OverviewAssembler;
import co.vigia.web.ops.probe.CounterWindow;
import co.vigia.web.ops.probe.MonitoredService;
import co.vigia.web.ops.probe.Poller;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The operators' console: every service with its Kafka and MongoDB, consumer lag, outboxes, deliveries, the worst
 * endpoints, dead letters and waiting votes, answered from the poller's memory (so a service that is down costs the
 * page nothing). The page is whole without JavaScript; {@code /js/ops-refresh.js} swaps in {@code /ops/resumen}, the
 * same panels, every 2 s.
 */
@Controller
public class ConsoleController {

    private final Poller poller;
    private final Clock clock;

    public ConsoleController(Poller poller, Clock clock) {
        this.poller = poller;
        this.clock = clock;
    }

    @GetMapping("/ops")
    public String console(Model model) {
        model.addAttribute("overview", overview());
        return "ops/console";
    }

    @GetMapping("/ops/resumen")
    public String panels(Model model) {
        model.addAttribute("overview", overview());
        return "ops/console :: panels";
    }

    Overview overview() {
        Instant now = clock.instant();
        Map<MonitoredService, CounterWindow.Increase> increases = new EnumMap<>(MonitoredService.class);
        for (MonitoredService s : MonitoredService.values()) {
            increases.put(s, poller.window(s).increase(now));
        }
        return OverviewAssembler.assemble(now, poller.snapshots(), increases);
    }
}
