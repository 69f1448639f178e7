package co.vigia.bill.bill;

import co.vigia.bill.procedure.ActionType;
import co.vigia.bill.procedure.PublicationKind;
import co.vigia.bill.procedure.Stage;
import co.vigia.contracts.BillKind;
import co.vigia.contracts.Chamber;
import co.vigia.contracts.Ids;
import co.vigia.contracts.Debate;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/** The bodies of the bill API's writes. */
public final class BillRequests {

    private BillRequests() {
    }

    /**
     * Registers a bill. A bill still in Congress is registered as FILED; one from the record may be
     * registered at a later {@code stage} with the facts known ({@code lawNumber}, {@code sanctionedOn}),
     * leaving out what is not known.
     */
    public record CreateBill(
            @NotBlank @Size(min = Ids.SLUG_MIN, max = Ids.SLUG_MAX) @Pattern(regexp = Ids.SLUG, message = Ids.SLUG_MESSAGE)
            String id,
            @NotBlank @Size(max = 500) @Pattern(regexp = Ids.PRINTABLE, message = Ids.PRINTABLE_MESSAGE) String title,
            @Size(max = 5000) String summary,
            @NotNull BillKind kind,
            Chamber originChamber,
            Map<Chamber, @NotBlank @Size(max = 40) @Pattern(regexp = Ids.PRINTABLE, message = Ids.PRINTABLE_MESSAGE)
                    String> numbers,
            List<@NotBlank @Size(max = 200) @Pattern(regexp = Ids.PRINTABLE, message = Ids.PRINTABLE_MESSAGE)
                    String> authors,
            List<@NotBlank @Size(max = 60) @Pattern(regexp = Ids.SLUG, message = Ids.SLUG_MESSAGE) String> topics,
            Boolean urgent,
            LocalDate filedOn,
            @Min(value = 1, message = "must be at least 1") Integer articleCount,
            @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String sourceUrl,
            Stage stage,
            @Size(max = 40) @Pattern(regexp = Ids.PRINTABLE, message = Ids.PRINTABLE_MESSAGE) String lawNumber,
            LocalDate sanctionedOn,
            @Size(max = 2000) String note,
            Boolean governmentBill) {

        public boolean urgentOrFalse() {
            return Boolean.TRUE.equals(urgent);
        }
    }

    /**
     * Records one action on a bill's timeline; some actions move the bill. {@code debate} names the debate an
     * announcement, session, start or report belongs to (the stage's by default); {@code forSession} is the session
     * an announced vote is for; a publication gives {@code publication}, {@code gacetaNumber} and {@code gacetaDate};
     * a session its {@code body} and times; {@code approximate} marks a date the source gives only roughly.
     */
    public record RecordAction(
            @NotNull ActionType type,
            @NotNull LocalDate date,
            @Size(max = 2000) String text,
            @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String sourceUrl,
            @Size(max = 40) String lawNumber,
            Chamber chamber,
            @Size(max = 40) String number,
            Debate debate,
            LocalDate forSession,
            PublicationKind publication,
            @Size(max = 40) String gacetaNumber,
            LocalDate gacetaDate,
            @Size(max = 200) String body,
            LocalTime startTime,
            LocalTime endTime,
            Boolean committeeAccepted,
            Boolean approximate) {

        public boolean approximateOrFalse() {
            return Boolean.TRUE.equals(approximate);
        }
    }

    /** Sets the adjustable clock. */
    public record SetClock(@NotNull java.time.Instant now) {
    }
}
