package co.vigia.notify.email;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What an email says about a bill, as bill-service answers it: its numbers by chamber ({@code SENATE -> 288/2023}),
 * its origin chamber, title, topics and open deadlines.
 */
public record BillFacts(String id, String title, String originChamber, Map<String, String> numbers,
                        List<String> topics, List<UpcomingDeadline> deadlines) {

    public BillFacts {
        numbers = numbers == null ? Map.of() : Map.copyOf(numbers);
        topics = topics == null ? List.of() : List.copyOf(topics);
        deadlines = deadlines == null ? List.of() : List.copyOf(deadlines);
    }

    /** Only the id is known (bill-service did not answer): the email still goes, naming the bill by its id. */
    public static BillFacts unknown(String id) {
        return new BillFacts(id, null, null, Map.of(), List.of(), List.of());
    }

    /** A deadline as bill-service computes it: kind, the day it falls due, its article and what it is. */
    public record UpcomingDeadline(String kind, LocalDate dueOn, String article, String description) {
    }

    /** "Proyecto 288/2023 Senado" / "Bill 288/2023 Senate"; else the title, shortened; else the id. */
    public String label(Language language) {
        String chamber = originChamber != null && numbers.containsKey(originChamber) ? originChamber
                : numbers.keySet().stream().sorted().findFirst().orElse(null);
        if (chamber != null) {
            String name = switch (chamber) {
                case "SENATE" -> language.pick("Senado", "Senate");
                case "HOUSE" -> language.pick("Cámara", "House");
                default -> chamber;
            };
            return language.pick("Proyecto ", "Bill ") + numbers.get(chamber) + " " + name;
        }
        if (title != null && !title.isBlank()) {
            return title.length() <= 60 ? title : title.substring(0, 59).stripTrailing() + "…";
        }
        return language.pick("Proyecto ", "Bill ") + id;
    }
}
