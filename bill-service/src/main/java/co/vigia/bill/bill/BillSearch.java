package co.vigia.bill.bill;

import co.vigia.bill.procedure.Stage;
import co.vigia.contracts.BillKind;
import co.vigia.contracts.Chamber;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The bill list's filters as one MongoDB query (text search: a case-insensitive match on title, summary, topics, id). */
@Component
public class BillSearch {

    private final MongoTemplate mongo;

    public BillSearch(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public BillViews.BillPage search(Stage stage, BillKind kind, String topic, String q, Instant updatedSince,
                                     int page, int size) {
        return search(stage, kind, null, topic, q, updatedSince, page, size);
    }

    /** {@code chamber}: the chamber of origin. */
    public BillViews.BillPage search(Stage stage, BillKind kind, Chamber chamber, String topic, String q,
                                     Instant updatedSince, int page, int size) {
        List<Criteria> criteria = new ArrayList<>();
        if (chamber != null) {
            criteria.add(Criteria.where("originChamber").is(chamber));
        }
        if (stage != null) {
            criteria.add(Criteria.where("procedure.stage").is(stage));
        }
        if (kind != null) {
            criteria.add(Criteria.where("kind").is(kind));
        }
        if (topic != null && !topic.isBlank()) {
            criteria.add(Criteria.where("topics").is(topic.strip()));
        }
        if (q != null && !q.isBlank()) {
            Pattern pattern = Pattern.compile(Pattern.quote(q.strip()), Pattern.CASE_INSENSITIVE);
            // a visitor searching "sometimiento" means the bill of that topic (and id), even if its title says otherwise
            criteria.add(new Criteria().orOperator(Criteria.where("title").regex(pattern),
                    Criteria.where("summary").regex(pattern), Criteria.where("topics").regex(pattern),
                    Criteria.where("_id").regex(pattern)));
        }
        if (updatedSince != null) {
            criteria.add(Criteria.where("updatedAt").gte(updatedSince));
        }
        Query query = criteria.isEmpty() ? new Query() : new Query(new Criteria().andOperator(criteria));
        long total = mongo.count(query, Bill.class);
        query.with(Sort.by(Sort.Direction.DESC, "updatedAt").and(Sort.by("_id"))).skip((long) page * size).limit(size);
        query.fields().exclude("timeline", "outbox", "appliedEventIds", "sentAlerts", "defects");
        List<BillViews.BillSummary> items = mongo.find(query, Bill.class).stream().map(BillViews.BillSummary::of).toList();
        return new BillViews.BillPage(items, page, size, total);
    }
}
