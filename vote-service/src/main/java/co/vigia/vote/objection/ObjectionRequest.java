package co.vigia.vote.objection;

import co.vigia.contracts.Ids;
import io.swagger.v3.oas.annotations.media.Schema;
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
        @Schema(description = "Your key for the source document: recording it twice changes nothing.", example = "fiscalia-sometimiento-2023-03-16")
        @Size(max = 200) @Pattern(regexp = Ids.PRINTABLE, message = Ids.PRINTABLE_MESSAGE) String externalId,
        @Schema(description = "The bill it is about.", example = "sometimiento")
        @NotBlank @Size(min = Ids.SLUG_MIN, max = Ids.SLUG_MAX) @Pattern(regexp = Ids.SLUG, message = Ids.SLUG_MESSAGE)
        String billId,
        @Schema(description = "The institution; a presidential objection needs PRESIDENT.", example = "ATTORNEY_GENERAL")
        @NotNull ObjectionAuthor author,
        @Schema(description = "Who signed it.", example = "Francisco Barbosa (Fiscal General de la Nación)")
        @NotBlank @Size(max = 200) @Pattern(regexp = Ids.PRINTABLE, message = Ids.PRINTABLE_MESSAGE) String authorName,
        @Schema(description = "An opinion, a presidential objection (of inconvenience or unconstitutionality) or a ruling.", example = "OPINION")
        @NotNull ObjectionKind kind,
        @Schema(description = "For or against the bill.", example = "OPPOSES")
        @NotNull Stance stance,
        @Schema(description = "The bill's articles it targets; empty for the whole bill.", example = "[\"29\"]")
        @Size(max = 200) List<@NotBlank @Size(max = 40) String> articles,
        @Schema(description = "Why, in a few sentences.", example = "Article 29 breaks the independence of the prosecutor's office.")
        @NotBlank @Size(max = 8000) String grounds,
        @Schema(description = "The day it was issued; not in the future.", example = "2023-03-16")
        @NotNull LocalDate date,
        @Schema(description = "Where to read it.", example = "https://www.elespectador.com/judicial/")
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String documentUrl) {
}
