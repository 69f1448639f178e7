package co.vigia.bill.timeline;

import co.vigia.bill.bill.Bill;
import co.vigia.bill.bill.BillEtags;
import co.vigia.bill.bill.BillService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code GET /api/bills/{id}/feed.atom}: for people who follow a bill without webhooks. */
@RestController
public class FeedController {

    public static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

    private final BillService bills;

    public FeedController(BillService bills) {
        this.bills = bills;
    }

    @GetMapping(value = "/api/bills/{id}/feed.atom")
    public ResponseEntity<String> feed(@PathVariable String id,
                                       @RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch) {
        Bill bill = bills.get(id);
        String etag = BillEtags.timeline(bill);
        if (BillEtags.matches(ifNoneMatch, etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        return ResponseEntity.ok().eTag(etag).contentType(ATOM)
                .body(AtomFeed.write(base, bill.getId(), bill.getTitle(), bill.getTimeline(), bill.getUpdatedAt()));
    }
}
