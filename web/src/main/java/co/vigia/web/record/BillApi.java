package co.vigia.web.record;

import co.vigia.contracts.BillKind;
import co.vigia.contracts.Chamber;
import co.vigia.web.client.ServiceClients;
import co.vigia.web.site.PublicCache;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * bill-service's public reads as this site uses them, each answer kept a few seconds ({@link PublicCache}) so a
 * crowd on one bill costs bill-service one request per bill and interval, not one per reader.
 */
@Component
public class BillApi {

    public record Bill(String id, String title, String summary, BillKind kind, Chamber originChamber,
                       Map<String, String> numbers, List<String> authors, List<String> topics, boolean urgent,
                       LocalDate urgencyDeclaredOn, LocalDate filedOn, Stage stage, ArchiveReason archiveReason,
                       LocalDate stageSince, Integer articleCount, String lawNumber, LocalDate sanctionedOn,
                       String sourceUrl, LocalDate today, List<Deadline> deadlines, List<Defect> defects,
                       Instant updatedAt) {

        public Bill {
            numbers = numbers == null ? Map.of() : numbers;
            authors = authors == null ? List.of() : authors;
            topics = topics == null ? List.of() : topics;
            deadlines = deadlines == null ? List.of() : deadlines;
            defects = defects == null ? List.of() : defects;
        }
    }

    /** {@code kind} as bill-service names it (END_OF_LEGISLATURE, LEGISLATURE_LIMIT, ...), shown through the bundle. */
    public record Deadline(String kind, LocalDate dueOn, long daysLeft, String article, String description) {
    }

    public record Defect(String id, String rule, String description, String causeId, LocalDate date) {
    }

    public record Summary(String id, String title, BillKind kind, Chamber originChamber, Stage stage, boolean urgent,
                          LocalDate filedOn, List<String> topics, String lawNumber, Instant updatedAt) {
    }

    public record Page(List<Summary> items, int page, int size, long total) {

        public Page {
            items = items == null ? List.of() : items;
        }
    }

    /** {@code type} FILED, IMPORTED, ACTION, VOTE, OBJECTION, OBJECTION_RESOLVED, LAPSED; {@code action} its action. */
    public record Entry(String id, LocalDate date, String type, String action, String text, String sourceUrl,
                        String causeId, Stage stageAfter, Instant recordedAt) {
    }

    public record Timeline(String billId, Stage stage, List<Entry> entries) {

        public Timeline {
            entries = entries == null ? List.of() : entries;
        }
    }

    /** What a visitor searches by; each null when not chosen. */
    public record Query(String q, Stage stage, BillKind kind, String topic, Chamber chamber) {

        public static final Query ALL = new Query(null, null, null, null, null);
    }

    private final ServiceClients clients;
    private final PublicCache cache;

    public BillApi(ServiceClients clients, PublicCache cache) {
        this.clients = clients;
        this.cache = cache;
    }

    public Optional<Bill> bill(String id) {
        return cache.get("bill:" + id, () -> clients.bill().find("/api/bills/{id}", Bill.class, id));
    }

    public Optional<Timeline> timeline(String id) {
        return cache.get("timeline:" + id,
                () -> clients.bill().find("/api/bills/{id}/timeline", Timeline.class, id));
    }

    public Optional<String> feed(String id) {
        return cache.get("feed:" + id, () -> clients.bill().find("/api/bills/{id}/feed.atom", String.class, id));
    }

    /** {@code GET /api/bills/{id}/defects} where bill-service offers it; else the defects in the bill itself. */
    public Optional<List<Defect>> defects(String id) {
        return cache.get("defects:" + id,
                () -> clients.bill().find("/api/bills/{id}/defects", Defect[].class, id).map(List::of));
    }

    public Page search(Query query, int page, int size) {
        return cache.get("search:" + query + ":" + page + ":" + size, () -> fetch(query, page, size));
    }

    private Page fetch(Query query, int page, int size) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/bills").queryParam("page", page)
                .queryParam("size", size);
        if (query.q() != null) {
            uri.queryParam("q", "{q}");
        }
        if (query.stage() != null) {
            uri.queryParam("stage", query.stage().name());
        }
        if (query.kind() != null) {
            uri.queryParam("kind", query.kind().name());
        }
        if (query.chamber() != null) {
            uri.queryParam("chamber", query.chamber().name());
        }
        if (query.topic() != null) {
            uri.queryParam("topic", "{topic}");
        }
        Map<String, Object> vars = new java.util.HashMap<>();
        vars.put("q", query.q());
        vars.put("topic", query.topic());
        return clients.bill().call(null,
                r -> r.get().uri(uri.build().toUriString(), vars).retrieve().body(Page.class));
    }
}
