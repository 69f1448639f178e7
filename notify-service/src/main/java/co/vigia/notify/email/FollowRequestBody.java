package co.vigia.notify.email;

import co.vigia.starter.web.ApiProblem;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The body of {@code POST /api/email/follows}. */
@Schema(description = "Follow bills by email. No bills and no topics: every bill Vigía tracks.")
public record FollowRequestBody(
        @Schema(description = "the address; nothing but one confirmation email goes to it before its owner confirms",
                example = "ana@ong.org") @NotBlank @Size(max = 254) String address,
        @Schema(description = "bill ids", example = "[\"sometimiento\"]") @Size(max = 50) List<@NotBlank @Size(max = 100) String> billIds,
        @Schema(description = "topics (a bill's topics, e.g. paz-total)") @Size(max = 20) List<@NotBlank @Size(max = 100) String> topics,
        @Schema(description = "event families; default all") Set<EventFamily> families,
        @Schema(description = "INSTANT (default) or DAILY") Cadence cadence,
        @Schema(description = "the daily digest's hour, Bogotá time (0-23, default 7)") @Min(0) @Max(23) Integer digestHour,
        @Schema(description = "ES (default) or EN") Language language) {

    /** The request as stored: the address checked and lower-cased, defaults filled in, lists de-duplicated. */
    public FollowRequest check() {
        String normalised = address.strip().toLowerCase(Locale.ROOT);
        try {
            InternetAddress parsed = new InternetAddress(normalised, true);
            if (parsed.getPersonal() != null || !parsed.getAddress().equals(normalised) || normalised.contains("|")
                    || normalised.indexOf('@') < 1 || !normalised.substring(normalised.indexOf('@')).contains(".")) {
                throw new AddressException("not a plain address");
            }
        } catch (AddressException e) {
            throw ApiProblem.invalidField("address", "must be a plain email address such as ana@ong.org");
        }
        return new FollowRequest(normalised, distinct(billIds), distinct(topics),
                families == null || families.isEmpty() ? EnumSet.allOf(EventFamily.class) : EnumSet.copyOf(families),
                cadence == null ? Cadence.INSTANT : cadence, digestHour == null ? 7 : digestHour,
                language == null ? Language.ES : language);
    }

    private static List<String> distinct(List<String> values) {
        return values == null ? List.of() : List.copyOf(new LinkedHashSet<>(values.stream().map(String::strip).toList()));
    }
}
