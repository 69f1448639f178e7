package co.vigia.bill.deadline;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import co.vigia.starter.openapi.CallableBy;
import co.vigia.starter.security.Role;
import co.vigia.starter.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code PUT /api/ops/clock} (operator): sets the adjustable clock and runs the deadline scan at once.
 * Exists only with {@code vigia.clock.adjustable=true}; otherwise the path is 404.
 */
@Tag(name = "operations", description = "Tools for operators and tests")
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

    /** Sets the adjustable clock. */
    public record SetClock(
            @Schema(description = "The time the service takes as now.", example = "2023-06-13T12:00:00Z")
            @NotNull Instant now) {
    }

    public record ClockSet(Instant now, DeadlineScanner.Scan scan) {
    }

    @Operation(operationId = "setClock", summary = "Set the service's clock and scan deadlines",
            description = """
                    Only where `VIGIA_CLOCK_ADJUSTABLE=true` (demos and tests; elsewhere the path is 404). Sets "now" \
                    and runs the deadline scan at once: alerts (`co.vigia.bill.deadline-approaching`) and lapses \
                    (`co.vigia.bill.lapsed`, the bill moves to `ARCHIVED`) due at that time are published.""")
    @CallableBy(Role.OPERATOR)
    @PutMapping("/api/ops/clock")
    public ClockSet set(@Valid @RequestBody SetClock request, Caller caller) {
        caller.requireOperator();
        clock.set(request.now());
        return new ClockSet(clock.instant(), scanner.scanNow());
    }

    @Operation(operationId = "resetClock", summary = "Put the service's clock back to the real time",
            description = """
                    Only where `VIGIA_CLOCK_ADJUSTABLE=true` (elsewhere 404). Undoes `PUT /api/ops/clock` and runs \
                    the deadline scan at once, as at that time.""")
    @CallableBy(Role.OPERATOR)
    @DeleteMapping("/api/ops/clock")
    public ClockSet reset(Caller caller) {
        caller.requireOperator();
        clock.reset();
        return new ClockSet(clock.instant(), scanner.scanNow());
    }
}
