package co.vigia.vote.objection;

import co.vigia.contracts.objection.ObjectionAuthor;
import co.vigia.contracts.objection.ObjectionKind;
import co.vigia.contracts.objection.Stance;
import co.vigia.starter.outbox.OutboxMessage;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An opinion, objection or ruling on a bill, with its events waiting in {@code outbox} (same document write).
 *
 * @param contentHash hash of the request: the same externalId with other content is a conflict
 */
@Document(Objection.COLLECTION)
public record Objection(@Id String id, String externalId, @JsonIgnore String contentHash, @Indexed String billId,
                        ObjectionAuthor author, String authorName, ObjectionKind kind, Stance stance,
                        List<String> articles, String grounds, LocalDate date, String documentUrl,
                        Resolution resolution, Instant recordedAt, @JsonIgnore List<OutboxMessage> outbox) {

    public static final String COLLECTION = "objections";

    public Objection {
        articles = articles == null ? List.of() : List.copyOf(articles);
        outbox = outbox == null ? List.of() : outbox;
    }
}
