package co.vigia.bill.bill;

import co.vigia.bill.procedure.Procedure;
import co.vigia.contracts.BillKind;
import co.vigia.contracts.Chamber;
import co.vigia.starter.outbox.OutboxMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The bill aggregate: its facts, its procedure, its timeline, the defects flagged on it, and, in the
 * same document so that one write carries all of them, the events waiting to be relayed
 * ({@code outbox}), the event ids it applied and the deadline alerts it sent.
 */
@Document(Bill.COLLECTION)
// Serves the @Version save's replace {_id, version}: the embedded MongoDB (mongo-java-server) uses an index only for a
// query whose keys are exactly a unique index's, and read every bill for each save. Trivially unique (it holds _id)
// and valid on real MongoDB, where the _id index already serves that query.
@CompoundIndex(name = "cas", def = "{'_id': 1, 'version': 1}", unique = true)
public class Bill {

    public static final String COLLECTION = "bills";
    /** How many applied event ids a bill remembers; far more than any redelivery window. */
    static final int APPLIED_EVENTS_KEPT = 1000;

    @Id
    private String id;
    @Version
    private Long version;
    private String title;
    private String summary;
    private BillKind kind;
    private Chamber originChamber;
    /** Official number per chamber ("HOUSE", "SENATE"), added as the bill moves. */
    private Map<String, String> numbers = new LinkedHashMap<>();
    private List<String> authors = new ArrayList<>();
    @Indexed
    private List<String> topics = new ArrayList<>();
    private LocalDate filedOn;
    private Integer articleCount;
    private String lawNumber;
    private LocalDate sanctionedOn;
    private String sourceUrl;
    private Procedure procedure;
    private List<TimelineEntry> timeline = new ArrayList<>();
    private List<FlaggedDefect> defects = new ArrayList<>();
    private List<String> appliedEventIds = new ArrayList<>();
    private List<String> sentAlerts = new ArrayList<>();
    private Instant createdAt;
    @Indexed
    private Instant updatedAt;
    private List<OutboxMessage> outbox = new ArrayList<>();

    protected Bill() {
    }

    public Bill(String id, String title, String summary, BillKind kind, Chamber originChamber,
                Map<Chamber, String> numbers, List<String> authors, List<String> topics, LocalDate filedOn,
                Integer articleCount, String sourceUrl, Procedure procedure, Instant now) {
        this.id = id;
        this.title = title;
        this.summary = summary;
        this.kind = kind;
        this.originChamber = originChamber;
        if (numbers != null) {
            numbers.forEach((chamber, number) -> this.numbers.put(chamber.name(), number));
        }
        this.authors = authors == null ? new ArrayList<>() : new ArrayList<>(authors);
        this.topics = topics == null ? new ArrayList<>() : new ArrayList<>(topics);
        this.filedOn = filedOn;
        this.articleCount = articleCount;
        this.sourceUrl = sourceUrl;
        this.procedure = procedure;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public boolean applied(String eventId) {
        return appliedEventIds.contains(eventId);
    }

    public void rememberApplied(String eventId) {
        appliedEventIds.add(eventId);
        if (appliedEventIds.size() > APPLIED_EVENTS_KEPT) {
            appliedEventIds = new ArrayList<>(appliedEventIds.subList(appliedEventIds.size() - APPLIED_EVENTS_KEPT,
                    appliedEventIds.size()));
        }
    }

    void addTimeline(TimelineEntry entry) {
        timeline.add(entry);
    }

    void addDefect(FlaggedDefect defect) {
        defects.add(defect);
    }

    void addOutbox(OutboxMessage message) {
        outbox.add(message);
    }

    public void rememberAlerts(List<String> keys) {
        sentAlerts.addAll(keys);
    }

    void sanctioned(String lawNumber, LocalDate on) {
        if (lawNumber != null) {
            this.lawNumber = lawNumber;
        }
        this.sanctionedOn = on;
    }

    void number(Chamber chamber, String number) {
        numbers.put(chamber.name(), number);
    }

    void touch(Instant now) {
        updatedAt = now;
    }

    public String getId() {
        return id;
    }

    public Long getVersion() {
        return version;
    }

    public String getTitle() {
        return title;
    }

    public String getSummary() {
        return summary;
    }

    public BillKind getKind() {
        return kind;
    }

    public Chamber getOriginChamber() {
        return originChamber;
    }

    public Map<String, String> getNumbers() {
        return Map.copyOf(numbers);
    }

    public List<String> getAuthors() {
        return List.copyOf(authors);
    }

    public List<String> getTopics() {
        return List.copyOf(topics);
    }

    public LocalDate getFiledOn() {
        return filedOn;
    }

    public Integer getArticleCount() {
        return articleCount;
    }

    public String getLawNumber() {
        return lawNumber;
    }

    public LocalDate getSanctionedOn() {
        return sanctionedOn;
    }

    public String getSourceUrl() {
        return sourceUrl;
    }

    public Procedure getProcedure() {
        return procedure;
    }

    public List<TimelineEntry> getTimeline() {
        return List.copyOf(timeline);
    }

    public List<FlaggedDefect> getDefects() {
        return List.copyOf(defects);
    }

    public List<String> getSentAlerts() {
        return List.copyOf(sentAlerts);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public List<OutboxMessage> getOutbox() {
        return List.copyOf(outbox);
    }
}
