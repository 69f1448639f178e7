package co.vigia.vote.objection;

import co.vigia.contracts.Ids;
import co.vigia.contracts.objection.ObjectionAuthor;
import co.vigia.contracts.objection.ObjectionKind;
import co.vigia.contracts.objection.Stance;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * An institutional opinion, a presidential objection or a Court ruling on a bill.
 *
 * @param externalId optional key of the source document: recording it twice changes nothing
 * @param articles   the bill's articles it targets, e.g. "29"; empty when it targets the whole bill
 * @param grounds    why, in a few sentences
 */
public record ObjectionRequest(
        @Size(max = 200) @Pattern(regexp = Ids.PRINTABLE, message = Ids.PRINTABLE_MESSAGE) String externalId,
        @NotBlank @Size(min = Ids.SLUG_MIN, max = Ids.SLUG_MAX) @Pattern(regexp = Ids.SLUG, message = Ids.SLUG_MESSAGE)
        String billId,
        @NotNull ObjectionAuthor author,
        @NotBlank @Size(max = 200) @Pattern(regexp = Ids.PRINTABLE, message = Ids.PRINTABLE_MESSAGE) String authorName,
        @NotNull ObjectionKind kind,
        @NotNull Stance stance,
        @Size(max = 200) List<@NotBlank @Size(max = 40) String> articles,
        @NotBlank @Size(max = 8000) String grounds,
        @NotNull LocalDate date,
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String documentUrl) {
}
