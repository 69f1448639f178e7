package co.vigia.vote.rollcall;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bounds of {@code POST /api/votes:batch}, under {@code vigia.votes.batch.*}; the whole body is bounded by
 * {@code vigia.web.large-bodies}.
 *
 * @param maxItems    roll calls per batch
 * @param maxItemSize one roll call (one NDJSON line, one array element); 400 members take about 45 KB
 * @param chunk       roll calls recorded together: what the service holds at once
 */
@ConfigurationProperties("vigia.votes.batch")
public record BatchLimits(@DefaultValue("5000") int maxItems,
                          @DefaultValue("256KB") DataSize maxItemSize,
                          @DefaultValue("200") int chunk) {
}
