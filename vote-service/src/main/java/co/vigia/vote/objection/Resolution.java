package co.vigia.vote.objection;

import co.vigia.contracts.objection.ObjectionResolution;
import java.time.LocalDate;

/** The recorded end of a formal objection. */
public record Resolution(ObjectionResolution resolution, LocalDate date, String note) {
}
