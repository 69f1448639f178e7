package co.vigia.notify.email;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The three emails Vigía sends: the confirmation, an alert, a day's digest. */
public class EmailMessages {

    /** How far ahead a digest lists deadlines. */
    public static final int DEADLINE_DAYS = 14;

    /** An event as a digest lists it. */
    public record DigestItem(String billId, String type, String data) {
    }

    private final EmailLinks links;

    public EmailMessages(EmailLinks links) {
        this.links = links;
    }

    public EmailLinks links() {
        return links;
    }

    public EmailLayout.Rendered confirmation(String address, List<EmailFollow> asked, Language l) {
        List<String> lines = asked.stream().map(f -> describe(f, l)).toList();
        String link = links.confirm(address);
        return EmailLayout.render(l.pick("Confirme sus alertas de Vigía", "Confirm your Vigía alerts"),
                l.pick("Alguien (esperamos que usted) pidió recibir en esta dirección alertas de Vigía sobre "
                                + "proyectos de ley. No enviaremos nada más hasta que lo confirme.",
                        "Someone (we hope you) asked for Vigía's alerts about bills at this address. We will send "
                                + "nothing else until you confirm."),
                List.of(new EmailLayout.Section(l.pick("Lo que pidió", "What was asked"), link,
                        l.pick("Confirmar (el enlace vale 48 horas)", "Confirm (the link is valid for 48 hours)"),
                        lines)),
                l.pick("Si no lo pidió, ignore este correo: no recibirá otro.",
                        "If you did not ask, ignore this email: you will get no other."), l);
    }

    public EmailLayout.Rendered alert(EmailFollow follow, BillFacts bill, String type, String data) {
        Language l = follow.language();
        AlertText.Alert alert = AlertText.of(type, data, l);
        String subject = bill.label(l) + ": " + alert.headline();
        return EmailLayout.render(subject, subject + ".",
                List.of(new EmailLayout.Section(bill.label(l), links.bill(bill.id()),
                        l.pick("Ver el proyecto", "See the bill"), alert.lines())),
                EmailLayout.footer(links.manage(follow.address()), links.unsubscribe(follow.id()), l), l);
    }

    /**
     * The digest of {@code day}: the day's events grouped by bill, then the deadlines of the next 14 days of the
     * bills followed. Null when there is nothing to tell: a quiet day sends nothing.
     */
    public EmailLayout.Rendered digest(EmailFollow follow, LocalDate day, List<DigestItem> items,
                                       List<BillFacts> followedBills, Function<String, BillFacts> facts) {
        Language l = follow.language();
        Map<String, List<String>> byBill = new LinkedHashMap<>();
        for (DigestItem item : items) {
            AlertText.Alert alert = AlertText.of(item.type(), item.data(), l);
            byBill.computeIfAbsent(item.billId(), id -> new ArrayList<>())
                    .add(alert.headline() + (alert.lines().isEmpty() ? "" : ": " + alert.lines().getFirst()));
        }
        List<EmailLayout.Section> sections = new ArrayList<>();
        byBill.forEach((billId, lines) -> {
            BillFacts bill = facts.apply(billId);
            sections.add(new EmailLayout.Section(bill.label(l), links.bill(billId), l.pick("Ver el proyecto",
                    "See the bill"), lines));
        });
        List<String> deadlines = new ArrayList<>();
        for (BillFacts bill : followedBills) {
            for (BillFacts.UpcomingDeadline deadline : bill.deadlines()) {
                long days = ChronoUnit.DAYS.between(day, deadline.dueOn());
                if (days >= 0 && days <= DEADLINE_DAYS) {
                    deadlines.add(bill.label(l) + ": " + deadline.description() + " (" + deadline.article() + "), "
                            + l.pick("vence en " + days + " días", "due in " + days + " days") + " ("
                            + deadline.dueOn() + ")");
                }
            }
        }
        if (sections.isEmpty() && deadlines.isEmpty()) {
            return null;
        }
        if (!deadlines.isEmpty()) {
            sections.add(new EmailLayout.Section(l.pick("Plazos de los próximos 14 días", "Deadlines in the next 14 days"),
                    null, null, deadlines));
        }
        int events = items.size();
        String subject = l.pick("Vigía, resumen del " + day + ": ", "Vigía, digest of " + day + ": ")
                + events + l.pick(events == 1 ? " novedad" : " novedades", events == 1 ? " event" : " events")
                + (deadlines.isEmpty() ? "" : ", " + deadlines.size() + (deadlines.size() == 1
                ? l.pick(" plazo próximo", " deadline ahead") : l.pick(" plazos próximos", " deadlines ahead")));
        return EmailLayout.render(subject, subject + ".", sections,
                EmailLayout.footer(links.manage(follow.address()), links.unsubscribe(follow.id()), l), l);
    }

    /** One line saying what a follow covers. */
    public static String describe(EmailFollow f, Language l) {
        String what = f.everyBill() ? l.pick("todos los proyectos que sigue Vigía", "every bill Vigía tracks")
                : (f.billIds().isEmpty() ? "" : l.pick("proyectos: ", "bills: ") + String.join(", ", f.billIds()))
                + (!f.billIds().isEmpty() && !f.topics().isEmpty() ? "; " : "")
                + (f.topics().isEmpty() ? "" : l.pick("temas: ", "topics: ") + String.join(", ", f.topics()));
        String when = f.cadence() == Cadence.INSTANT ? l.pick("al momento", "as it happens")
                : l.pick("un resumen diario a las " + f.digestHour() + ":00 (hora de Bogotá)",
                "a daily digest at " + f.digestHour() + ":00 (Bogotá time)");
        return what + " (" + f.families().stream().map(Enum::name).map(String::toLowerCase).toList() + "), " + when;
    }
}
