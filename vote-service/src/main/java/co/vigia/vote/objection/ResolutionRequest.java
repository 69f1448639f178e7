package co.vigia.vote.objection;

import co.vigia.contracts.objection.ObjectionResolution;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** How a formal objection ended. */
public record ResolutionRequest(@NotNull ObjectionResolution resolution, @NotNull LocalDate date,
                                @Size(max = 4000) String note) {
}
