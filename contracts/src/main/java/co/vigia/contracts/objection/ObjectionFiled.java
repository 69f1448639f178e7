package co.vigia.contracts.objection;

import co.vigia.contracts.EventData;
import java.time.LocalDate;
import java.util.List;

/** An institutional opinion, a presidential objection or a Court ruling was recorded on a bill. */
public record ObjectionFiled(String objectionId, String billId, ObjectionAuthor author, String authorName,
                             ObjectionKind kind, Stance stance, List<String> articles, LocalDate date,
                             String summary, String documentUrl) implements EventData {
    public ObjectionFiled {
        articles = articles == null ? List.of() : List.copyOf(articles);
    }

    @Override
    public String subject() {
        return billId;
    }
}
