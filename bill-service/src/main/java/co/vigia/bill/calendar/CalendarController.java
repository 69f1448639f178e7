package co.vigia.bill.calendar;

import co.vigia.bill.bill.Bill;
import co.vigia.bill.bill.BillProblems;
import co.vigia.bill.bill.BillService;
import co.vigia.bill.bill.UnknownBillException;
import co.vigia.bill.procedure.Deadline;
import co.vigia.bill.procedure.DeadlineClock;
import io.swagger.v3.oas.annotations.Operation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.CacheControl;
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
 * The deadlines feeds, public and cacheable (5 minutes, with an ETag): one bill's, a topic's bills', and every
 * tracked bill's. A calendar app subscribes to the URL and sees each deadline as an all-day event.
 */
@RestController
public class CalendarController {

    static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);
    /** Bills read for one topic or the whole feed, most recently changed first. */
    static final int MAX_BILLS = 500;

    private final BillService bills;
    private final MongoTemplate mongo;
    private final DeadlineVersions versions;
    private final Clock clock;
    private final String webBaseUrl;

    public CalendarController(BillService bills, MongoTemplate mongo, DeadlineVersions versions, Clock clock,
                              @Value("${vigia.calendar.web-base-url:http://localhost:8080}") String webBaseUrl) {
        this.bills = bills;
        this.mongo = mongo;
        this.versions = versions;
        this.clock = clock;
        this.webBaseUrl = webBaseUrl.endsWith("/") ? webBaseUrl.substring(0, webBaseUrl.length() - 1) : webBaseUrl;
    }

    @Operation(summary = "A bill's constitutional deadlines as iCalendar (RFC 5545)")
    @GetMapping("/api/bills/{id}/deadlines.ics")
    public ResponseEntity<String> bill(@PathVariable String id,
                                       @RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch) {
        Bill bill = bills.get(id);
        return feed("Vigía: plazos de " + label(bill), List.of(bill), ifNoneMatch);
    }

    @Operation(summary = "The deadlines of a topic's bills as iCalendar (RFC 5545)")
    @GetMapping("/api/topics/{topic}/deadlines.ics")
    public ResponseEntity<String> topic(@PathVariable String topic,
                                        @RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch) {
        return feed("Vigía: plazos del tema " + topic, read(Criteria.where("topics").is(topic)), ifNoneMatch);
    }

    @Operation(summary = "The deadlines of every tracked bill as iCalendar (RFC 5545)")
    @GetMapping("/api/deadlines.ics")
    public ResponseEntity<String> all(@RequestHeader(value = "If-None-Match", required = false) String ifNoneMatch) {
        return feed("Vigía: plazos constitucionales", read(new Criteria()), ifNoneMatch);
    }

    private List<Bill> read(Criteria criteria) {
        return mongo.find(new Query(criteria).with(Sort.by(Sort.Direction.DESC, "updatedAt")).limit(MAX_BILLS),
                Bill.class);
    }

    private ResponseEntity<String> feed(String name, List<Bill> read, String ifNoneMatch) {
        LocalDate today = bills.today();
        Map<String, LocalDate> dueOn = new LinkedHashMap<>();
        Map<String, Deadline> deadlines = new LinkedHashMap<>();
        Map<String, Bill> owners = new LinkedHashMap<>();
        for (Bill bill : read) {
            for (Deadline d : DeadlineClock.deadlines(bill.getProcedure(), bill.getFiledOn(), bill.getArticleCount(),
                    today)) {
                String key = bill.getId() + ":" + d.kind().name();
                dueOn.put(key, d.dueOn());
                deadlines.put(key, d);
                owners.put(key, bill);
            }
        }
        Map<String, DeadlineVersion> current = versions.current(dueOn, clock.instant());
        List<DeadlineCalendar.Entry> entries = new ArrayList<>();
        deadlines.forEach((key, d) -> entries.add(new DeadlineCalendar.Entry(owners.get(key).getId(),
                label(owners.get(key)), d, current.get(key))));
        // the ETag covers what the events say, not DTSTAMP (the moment of writing)
        String etag = "\"" + hash(name + entries) + "\"";
        CacheControl cache = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();
        if (etag.equals(ifNoneMatch)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cache).build();
        }
        return ResponseEntity.ok().contentType(CALENDAR).eTag(etag).cacheControl(cache)
                .body(DeadlineCalendar.write(name, entries, webBaseUrl, clock.instant()));
    }

    /** "Proyecto 288/2023 Senado" when the bill has a number in its chamber of origin, else its title. */
    static String label(Bill bill) {
        Map<String, String> numbers = bill.getNumbers();
        String chamber = bill.getOriginChamber() != null && numbers.containsKey(bill.getOriginChamber().name())
                ? bill.getOriginChamber().name() : numbers.keySet().stream().sorted().findFirst().orElse(null);
        if (chamber != null) {
            return "Proyecto " + numbers.get(chamber) + " " + ("SENATE".equals(chamber) ? "Senado" : "Cámara");
        }
        String title = bill.getTitle();
        return title == null ? bill.getId() : title.length() <= 60 ? title : title.substring(0, 59).stripTrailing() + "…";
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unknownBill(UnknownBillException e) {
        return BillProblems.of(e);
    }
}
