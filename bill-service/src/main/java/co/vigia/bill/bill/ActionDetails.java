package co.vigia.bill.bill;

import co.vigia.bill.procedure.ActionFacts;
import co.vigia.bill.procedure.ActionType;
import co.vigia.bill.procedure.PublicationKind;
import co.vigia.bill.bill.InvalidFieldsException.Refusal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The details a clerk action must carry (an announcement's session, a publication's Gaceta), checked and described. */
final class ActionDetails {

    private ActionDetails() {
    }

    /** Throws {@link InvalidFieldsException} listing every missing or inconsistent detail. */
    static void validate(BillRequests.RecordAction request) {
        List<Refusal> errors = new ArrayList<>();
        switch (request.type()) {
            case ANNOUNCED -> {
                if (request.forSession() == null) {
                    errors.add(new Refusal("forSession",
                            "must not be null: the session the vote is announced for"));
                } else if (!request.forSession().isAfter(request.date())) {
                    errors.add(new Refusal("forSession", "must be after date: art. 160 announces a vote in an"
                            + " earlier session"));
                }
            }
            case PUBLISHED -> {
                if (request.publication() == null) {
                    errors.add(new Refusal("publication", "must not be null: one of BILL_TEXT, REPORT,"
                            + " CONCILIATION_REPORT, OTHER"));
                }
                if (request.gacetaNumber() == null || request.gacetaNumber().isBlank()) {
                    errors.add(new Refusal("gacetaNumber", "must not be blank: the Gaceta del Congreso's number"));
                }
                if (request.gacetaDate() != null && request.gacetaDate().isAfter(request.date())) {
                    errors.add(new Refusal("gacetaDate", "must not be after date"));
                }
            }
            case SESSION_HELD -> {
                if (request.startTime() != null && request.endTime() != null
                        && request.endTime().isBefore(request.startTime())) {
                    errors.add(new Refusal("endTime", "must not be before startTime"));
                }
            }
            default -> {
            }
        }
        if (request.forSession() != null && request.type() != ActionType.ANNOUNCED) {
            errors.add(new Refusal("forSession", "only an ANNOUNCED action has a session it announces"));
        }
        if ((request.gacetaNumber() != null || request.publication() != null)
                && request.type() != ActionType.PUBLISHED) {
            errors.add(new Refusal(request.publication() != null ? "publication" : "gacetaNumber",
                    "only a PUBLISHED action has a publication"));
        }
        InvalidFieldsException.throwIfAny(errors);
    }

    static ActionFacts facts(BillRequests.RecordAction request, LocalDate objectionDeadline) {
        return new ActionFacts(request.debate(), request.forSession(), request.publication(),
                request.gacetaNumber() == null ? null : request.gacetaNumber().strip(),
                request.gacetaDate() != null ? request.gacetaDate() : request.date(), request.sourceUrl(),
                Boolean.TRUE.equals(request.committeeAccepted()), objectionDeadline);
    }

    /** The timeline text when the clerk gave none. */
    static String describe(BillRequests.RecordAction request) {
        String base = request.type().name().replace('_', ' ').toLowerCase(Locale.ROOT);
        base = Character.toUpperCase(base.charAt(0)) + base.substring(1);
        StringBuilder text = new StringBuilder(base);
        if (request.debate() != null) {
            text.append(" (").append(request.debate()).append(" debate)");
        }
        if (request.body() != null && !request.body().isBlank()) {
            text.append(": ").append(request.body().strip());
        }
        if (request.startTime() != null) {
            text.append(", ").append(request.startTime())
                    .append(request.endTime() == null ? "" : "-" + request.endTime());
        }
        if (request.forSession() != null) {
            text.append(" for the session of ").append(request.forSession());
        }
        if (request.type() == ActionType.PUBLISHED && request.publication() != null) {
            text.append(": ").append(request.publication() == PublicationKind.BILL_TEXT ? "the bill"
                    : request.publication().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                    .append(" in Gaceta del Congreso ").append(request.gacetaNumber().strip())
                    .append(request.gacetaDate() == null ? "" : " of " + request.gacetaDate());
        }
        if (request.lawNumber() != null) {
            text.append(": Ley ").append(request.lawNumber());
        }
        return text.toString();
    }

    /** A clerk's own text keeps the session's body and times too: they are facts of the record. */
    static String text(BillRequests.RecordAction request) {
        if (request.text() == null || request.text().isBlank()) {
            return describe(request);
        }
        return request.text().strip();
    }
}
