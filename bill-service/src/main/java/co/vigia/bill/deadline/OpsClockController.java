package co.vigia.bill.deadline;

import co.vigia.bill.bill.BillRequests;
import co.vigia.starter.security.Caller;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code PUT /api/ops/clock} (operator): sets the adjustable clock and runs the deadline scan at once.
 * Exists only with {@code vigia.clock.adjustable=true}; otherwise the path is 404.
 */
@RestController
@ConditionalOnProperty(name = "vigia.clock.adjustable", havingValue = "true")
public class OpsClockController {

    private final AdjustableClock clock;
    private final DeadlineScanner scanner;

    public OpsClockController(Clock clock, DeadlineScanner scanner) {
        if (!(clock instanceof AdjustableClock adjustable)) {
            throw new IllegalStateException("vigia.clock.adjustable=true but the clock is " + clock);
        }
        this.clock = adjustable;
        this.scanner = scanner;
    }

    public record ClockSet(Instant now, DeadlineScanner.Scan scan) {
    }

    @PutMapping("/api/ops/clock")
    public ClockSet set(@Valid @RequestBody BillRequests.SetClock request, Caller caller) {
        caller.requireOperator();
        clock.set(request.now());
        return new ClockSet(clock.instant(), scanner.scanNow());
    }
}
