package co.vigia.notify.email;

import co.vigia.contracts.EventCodec;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What happened and why, in a line for the subject and a few for the body, from an event's data (plain Java).
 * The subject names the bill and the news: "Proyecto 288/2023 Senado: archivado por vencimiento de términos".
 */
public final class AlertText {

    /** {@code headline} is the part of the subject after the bill's name; {@code lines} say what and why. */
    public record Alert(String headline, List<String> lines) {
    }

    private AlertText() {
    }

    public static Alert of(String type, String dataJson, Language l) {
        JsonNode d = EventCodec.mapper().readTree(dataJson);
        return switch (type) {
            case "co.vigia.bill.stage-changed" -> stageChanged(d, l);
            case "co.vigia.vote.tallied" -> voteTallied(d, l);
            case "co.vigia.objection.filed" -> objectionFiled(d, l);
            case "co.vigia.objection.resolved" -> new Alert(l.pick("objeción resuelta", "objection resolved"),
                    List.of(l.pick("La objeción ", "The objection ") + d.path("objectionId").asString()
                            + l.pick(" se resolvió: ", " was resolved: ") + d.path("resolution").asString()
                            + on(d, l) + "."));
            case "co.vigia.bill.deadline-approaching" -> deadline(d, l);
            case "co.vigia.bill.defect-flagged" -> new Alert(l.pick("posible vicio de procedimiento",
                    "possible procedural defect"), List.of(d.path("description").asString(),
                    l.pick("Regla: ", "Rule: ") + d.path("rule").asString() + "."));
            default -> new Alert(type, List.of(type));
        };
    }

    private static Alert stageChanged(JsonNode d, Language l) {
        String from = StageNames.of(d.path("from").asString(), l);
        String to = d.path("to").asString();
        String trigger = d.path("trigger").asString();
        List<String> lines = new ArrayList<>();
        lines.add(l.pick("Pasó de ", "It moved from ") + from + l.pick(" a ", " to ") + StageNames.of(to, l) + on(d, l)
                + ".");
        String headline;
        if ("ARCHIVED".equals(to) && "LAPSED".equals(trigger)) {
            headline = l.pick("archivado por vencimiento de términos", "archived: its time ran out");
            lines.add(l.pick("Se agotó su plazo constitucional: un proyecto puede tramitarse en a lo sumo dos "
                            + "legislaturas, y solo sigue en la segunda si tuvo su primer debate (art. 162 C.P.).",
                    "Its constitutional time ran out: a bill may be considered in at most two legislatures, and "
                            + "continues into the second only if it had its first debate (art. 162 of the Constitution)."));
        } else if ("ARCHIVED".equals(to) || "SANCTIONED".equals(to) || "WITHDRAWN".equals(to)) {
            headline = StageNames.of(to, l);
            lines.add(l.pick("Motivo registrado: ", "Recorded cause: ") + trigger + ".");
        } else {
            headline = l.pick("pasa a ", "moves to ") + StageNames.of(to, l);
            lines.add(l.pick("Motivo registrado: ", "Recorded cause: ") + trigger + ".");
        }
        return new Alert(headline, lines);
    }

    private static Alert voteTallied(JsonNode d, Language l) {
        String outcome = switch (d.path("outcome").asString()) {
            case "PASSED" -> l.pick("aprobado", "passed");
            case "FAILED" -> l.pick("negado", "failed");
            default -> l.pick("sin quórum", "no quorum");
        };
        String body = d.path("body").asString();
        return new Alert(l.pick("votación en ", "vote in ") + body + ": " + outcome, List.of(
                l.pick("Sí ", "Yes ") + d.path("yes").asInt() + ", No " + d.path("no").asInt()
                        + l.pick(", abstenciones ", ", abstentions ") + d.path("abstain").asInt()
                        + l.pick(", ausentes ", ", absent ") + d.path("absent").asInt() + on(d, l) + ".",
                l.pick("Mayoría requerida: ", "Required majority: ") + d.path("requiredMajority").asString()
                        + l.pick(" (votos necesarios: ", " (votes needed: ") + d.path("votesNeeded").asInt() + ")"
                        + (d.path("quorumPresent").asBoolean() ? "" : l.pick("; no hubo quórum decisorio",
                        "; there was no decisory quorum")) + "."));
    }

    private static Alert objectionFiled(JsonNode d, Language l) {
        String who = d.hasNonNull("authorName") ? d.get("authorName").asString() : d.path("author").asString();
        List<String> lines = new ArrayList<>();
        lines.add(who + l.pick(" presentó ", " filed ") + d.path("kind").asString().toLowerCase().replace('_', ' ')
                + " (" + d.path("stance").asString().toLowerCase() + ")" + on(d, l) + ".");
        if (d.hasNonNull("summary")) {
            lines.add(d.get("summary").asString());
        }
        if (d.path("articles").size() > 0) {
            List<String> articles = new ArrayList<>();
            d.path("articles").forEach(a -> articles.add(a.asString()));
            lines.add(l.pick("Artículos: ", "Articles: ") + String.join(", ", articles) + ".");
        }
        return new Alert(l.pick("concepto u objeción de ", "opinion or objection by ") + who, lines);
    }

    private static Alert deadline(JsonNode d, Language l) {
        int days = d.path("daysLeft").asInt();
        String due = d.path("dueOn").asString();
        return new Alert(l.pick("vence en " + days + " días", "due in " + days + " days") + " (" + due + ")",
                List.of(l.pick("Plazo: ", "Deadline: ") + d.path("deadline").asString() + l.pick(", vence el ",
                        ", due on ") + due + "."));
    }

    private static String on(JsonNode d, Language l) {
        for (String field : List.of("occurredOn", "date")) {
            if (d.hasNonNull(field)) {
                return l.pick(" el ", " on ") + d.get(field).asString();
            }
        }
        return "";
    }
}
