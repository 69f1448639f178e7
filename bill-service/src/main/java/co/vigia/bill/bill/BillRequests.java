package co.vigia.bill.bill;

import co.vigia.bill.procedure.ActionType;
import co.vigia.bill.procedure.PublicationKind;
import co.vigia.bill.procedure.Stage;
import co.vigia.contracts.BillKind;
import co.vigia.contracts.Chamber;
import co.vigia.contracts.Debate;
import co.vigia.contracts.Ids;
import io.swagger.v3.oas.annotations.media.Schema;
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
    @Schema(description = "A bill to follow: one still in Congress (FILED), or a law from the record at its known stage.")
    public record CreateBill(
            @Schema(description = "The bill's id in Vigía, a readable slug; its URL is /api/bills/{id}.", example = "demo-bill")
            @NotBlank @Size(min = Ids.SLUG_MIN, max = Ids.SLUG_MAX) @Pattern(regexp = Ids.SLUG, message = Ids.SLUG_MESSAGE)
            String id,
            @Schema(description = "The bill's title as filed.", example = "Proyecto de ley de ejemplo")
            @NotBlank @Size(max = 500) @Pattern(regexp = Ids.PRINTABLE, message = Ids.PRINTABLE_MESSAGE) String title,
            @Schema(description = "What the bill does, in a few lines.", example = "Un proyecto para el recorrido")
            @Size(max = 5000) String summary,
            @Schema(description = "The kind of law; it sets the majority required (art. 153 statutory: absolute).",
                    example = "ORDINARY")
            @NotNull BillKind kind,
            @Schema(description = "The chamber where it was filed; required for a FILED bill.", example = "SENATE")
            Chamber originChamber,
            @Schema(description = "The bill's official number in each chamber.", example = "{\"SENATE\": \"288/2023\"}")
            Map<Chamber, @NotBlank @Size(max = 40) @Pattern(regexp = Ids.PRINTABLE, message = Ids.PRINTABLE_MESSAGE)
                    String> numbers,
            @Schema(description = "Who filed it.", example = "[\"Gobierno nacional\"]")
            List<@NotBlank @Size(max = 200) @Pattern(regexp = Ids.PRINTABLE, message = Ids.PRINTABLE_MESSAGE)
                    String> authors,
            @Schema(description = "Topics to find and follow it by (slugs).", example = "[\"paz-total\"]")
            List<@NotBlank @Size(max = 60) @Pattern(regexp = Ids.SLUG, message = Ids.SLUG_MESSAGE) String> topics,
            @Schema(description = "Whether the government sent a message of urgency (art. 163).", example = "false")
            Boolean urgent,
            @Schema(description = "The day it was filed; not in the future. Only a SANCTIONED law may leave it out.",
                    example = "2023-03-15")
            LocalDate filedOn,
            @Schema(description = "Its number of articles: sets the president's time to object (arts. 165-166).",
                    example = "12")
            @Min(value = 1, message = "must be at least 1") Integer articleCount,
            @Schema(description = "Where the facts come from.", example = "https://example.org/gaceta/568")
            @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String sourceUrl,
            @Schema(description = "The stage to register it at (default FILED); not ARCHIVED or WITHDRAWN.",
                    example = "FILED")
            Stage stage,
            @Schema(description = "Only for a bill registered as SANCTIONED: its law number.", example = "2272 de 2022")
            @Size(max = 40) @Pattern(regexp = Ids.PRINTABLE, message = Ids.PRINTABLE_MESSAGE) String lawNumber,
            @Schema(description = "Only for a bill registered as SANCTIONED: the day it was sanctioned.",
                    example = "2022-11-04")
            LocalDate sanctionedOn,
            @Schema(description = "A note on the record, shown on its first timeline entry.", example = "Imported from the record")
            @Size(max = 2000) String note,
            @Schema(description = "Whether the government filed it (some matters are reserved to its initiative, art. 154).",
                    example = "false")
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
    @Schema(description = "What Congress did on a day; the bill's allowedActions says which types move it now.")
    public record RecordAction(
            @Schema(description = "The action.", example = "ASSIGNED_TO_COMMITTEE")
            @NotNull ActionType type,
            @Schema(description = "The day it happened; not in the future.", example = "2023-03-22")
            @NotNull LocalDate date,
            @Schema(description = "What happened, for the timeline.", example = "Repartido a la Comisión Primera del Senado")
            @Size(max = 2000) String text,
            @Schema(description = "Where it is recorded (a Gaceta, an act).", example = "https://example.org/gaceta/123")
            @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String sourceUrl,
            @Schema(description = "With SANCTIONED: the law's number.", example = "2272 de 2022")
            @Size(max = 40) String lawNumber,
            @Schema(description = "With number: the chamber that numbered the bill (the two go together).",
                    example = "SENATE")
            Chamber chamber,
            @Schema(description = "With chamber: the bill's official number in that chamber.", example = "123/2023")
            @Size(max = 40) String number,
            @Schema(description = "The debate an announcement, session, start or report belongs to; the stage's by default.",
                    example = "FIRST")
            Debate debate,
            @Schema(description = "With an announcement: the session the vote is announced for (art. 160).",
                    example = "2023-04-04")
            LocalDate forSession,
            @Schema(description = "With a publication: what was published.")
            PublicationKind publication,
            @Schema(description = "With a publication: the Gaceta's number.", example = "568/2023")
            @Size(max = 40) String gacetaNumber,
            @Schema(description = "With a publication: the Gaceta's date.", example = "2023-03-28")
            LocalDate gacetaDate,
            @Schema(description = "With a session: the body that sat.", example = "Comisión Primera del Senado")
            @Size(max = 200) String body,
            @Schema(description = "With a session: when it started.", example = "10:00")
            LocalTime startTime,
            @Schema(description = "With a session: when it ended.", example = "13:30")
            LocalTime endTime,
            @Schema(description = "With a committee report: whether the committee accepted it.")
            Boolean committeeAccepted,
            @Schema(description = "The source gives the date only roughly.", example = "false")
            Boolean approximate) {

        public boolean approximateOrFalse() {
            return Boolean.TRUE.equals(approximate);
        }
    }
}
