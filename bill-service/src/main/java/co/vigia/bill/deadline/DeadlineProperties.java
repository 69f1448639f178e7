package co.vigia.bill.deadline;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code vigia.deadlines.*}: how often the clock scans open bills and how many days before a deadline
 * it alerts.
 */
@ConfigurationProperties("vigia.deadlines")
public record DeadlineProperties(@DefaultValue("15m") Duration scanInterval,
                                 @DefaultValue({"30", "7", "1"}) List<Integer> leadDays) {
}
