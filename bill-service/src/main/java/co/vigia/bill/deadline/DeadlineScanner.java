package co.vigia.bill.deadline;

import co.vigia.bill.bill.Bill;
import co.vigia.bill.bill.BillService;
import co.vigia.bill.procedure.Stage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the deadline clock over every open bill at start, every day at 00:00 Bogotá time and every
 * {@code vigia.deadlines.scan-interval}: alerts before a deadline, and archives a bill whose time ran out (on the
 * day it ran out).
 */
@Component
public class DeadlineScanner {

    private static final Logger log = LoggerFactory.getLogger(DeadlineScanner.class);

    private final MongoTemplate mongo;
    private final BillService bills;
    private final DeadlineRun run;
    private final DeadlineProperties properties;
    private final Counter alerts;
    private final Counter lapsed;

    public DeadlineScanner(MongoTemplate mongo, BillService bills, DeadlineRun run, DeadlineProperties properties,
                           MeterRegistry meters) {
        this.mongo = mongo;
        this.bills = bills;
        this.run = run;
        this.properties = properties;
        this.alerts = Counter.builder("vigia.bill.deadline.alerts").description("deadline-approaching events emitted")
                .register(meters);
        this.lapsed = Counter.builder("vigia.bill.lapsed").description("bills archived because their time ran out")
                .register(meters);
    }

    /** What one scan did. */
    public record Scan(LocalDate today, int bills, int alerts, int lapsed) {
    }

    /** At start: a bill whose limit fell while the service was down is archived at once (on its due date). */
    @EventListener(ApplicationReadyEvent.class)
    public void atStart() {
        scheduled();
    }

    /** Every day at 00:00 in Bogotá, when a day's limits have fallen. */
    @Scheduled(cron = "0 0 0 * * *", zone = "America/Bogota")
    public void daily() {
        scheduled();
    }

    /** Alerts between the daily runs. */
    @Scheduled(fixedDelayString = "${vigia.deadlines.scan-interval:15m}",
            initialDelayString = "${vigia.deadlines.scan-interval:15m}")
    public void scheduled() {
        try {
            Scan scan = scanNow();
            log.info("Deadline scan of {}: {} open bills, {} alerts, {} lapsed", scan.today(), scan.bills(),
                    scan.alerts(), scan.lapsed());
        } catch (RuntimeException e) {
            log.warn("Deadline scan failed, next one in {}: {}", properties.scanInterval(), e.toString());
        }
    }

    public synchronized Scan scanNow() {
        LocalDate today = bills.today();
        List<String> closed = Arrays.stream(Stage.values()).filter(Stage::isClosed).map(Stage::name).toList();
        Query open = new Query(Criteria.where("procedure.stage").nin(closed));
        open.fields().include("_id");
        int scanned = 0;
        int alerted = 0;
        int archived = 0;
        for (Document doc : mongo.find(open, Document.class, Bill.COLLECTION)) {
            String id = doc.getString("_id");
            try {
                DeadlineRun.Result result = run.run(id, today, properties.leadDays());
                scanned++;
                alerted += result.alerts();
                archived += result.lapsed() ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("Deadline scan of bill {} failed, the next scan retries: {}", id, e.toString());
            }
        }
        alerts.increment(alerted);
        lapsed.increment(archived);
        return new Scan(today, scanned, alerted, archived);
    }
}
