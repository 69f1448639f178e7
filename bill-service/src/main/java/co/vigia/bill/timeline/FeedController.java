package co.vigia.bill.timeline;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import co.vigia.starter.openapi.CallableBy;
import co.vigia.starter.security.Role;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import co.vigia.bill.bill.Bill;
import co.vigia.bill.bill.BillEtags;
import co.vigia.bill.bill.BillProblems;
import co.vigia.bill.bill.BillService;
import co.vigia.bill.bill.UnknownBillException;
import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/bills/{id}/feed.atom}: for people who follow a bill without webhooks. Its links are built from the
 * configured public base URL ({@code VIGIA_PUBLIC_BASE_URL_BILL}), never from the request's {@code Host} or
 * forwarding headers, which any client sets: a cached or shared feed could otherwise point readers elsewhere.
 */
@Tag(name = "bills")
@RestController
public class FeedController {

    public static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    private final BillService bills;
    private final String publicBaseUrl;

    public FeedController(BillService bills, @Value("${vigia.public-base-url}") String publicBaseUrl) {
        this.bills = bills;
        this.publicBaseUrl = baseUrl(publicBaseUrl);
    }

    /** An absolute http(s) URL without query, fragment or trailing slash; refused at start otherwise. */
    static String baseUrl(String configured) {
        URI uri;
        try {
            uri = new URI(configured.trim());
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("vigia.public-base-url (VIGIA_PUBLIC_BASE_URL_BILL) must be an absolute "
                    + "http(s) URL such as https://vigia.example.org, not '" + configured + "'");
        }
        return uri.toString().replaceAll("/+$", "");
    }

    @Operation(operationId = "getFeed", summary = "Follow a bill's timeline as an Atom feed",
            description = "The timeline as an Atom 1.0 feed, for any feed reader. Answers an `ETag` (304 with `If-None-Match`). Changes nothing.")
    @ApiResponse(responseCode = "200", description = "The Atom feed.",
            content = @Content(mediaType = "application/atom+xml", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "304", description = "Unchanged since the `ETag` sent in `If-None-Match`.")
    @Parameter(name = "id", description = "The bill's id, a slug.", example = "sometimiento")
    @Parameter(name = "If-None-Match", description = "An `ETag` this read answered before: 304 if unchanged.", example = "\"demo-bill-v1-2023-06-13\"")
    @GetMapping(value = "/api/bills/{id}/feed.atom")
    public ResponseEntity<String> feed(@PathVariable String id,
                                       @RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch) {
        Bill bill = bills.get(id);
        String etag = BillEtags.timeline(bill);
        if (BillEtags.matches(ifNoneMatch, etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        return ResponseEntity.ok().eTag(etag).contentType(ATOM)
                .body(AtomFeed.write(publicBaseUrl, bill.getId(), bill.getTitle(), bill.getTimeline(),
                        bill.getUpdatedAt()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unknownBill(UnknownBillException e) {
        return BillProblems.of(e);
    }
}
