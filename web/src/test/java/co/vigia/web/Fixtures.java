package co.vigia.web;

import co.vigia.contracts.BillKind;
import co.vigia.contracts.Chamber;
import co.vigia.contracts.Debate;
import co.vigia.contracts.VoteOutcome;
import co.vigia.web.record.ArchiveReason;
import co.vigia.web.record.BillApi;
import co.vigia.web.record.Stage;
import co.vigia.web.record.VoteApi;
import co.vigia.web.record.VoteChoice;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The record's submission bill (DESIGN.md): filed 15 Mar 2023, archived 20 Jun 2023 without a first debate. */
public final class Fixtures {

    public static final String TITLE = "Por medio de la cual se establecen los mecanismos de sujeción a la justicia "
            + "ordinaria, garantías de no repetición y desmantelamiento de estructuras armadas organizadas de crimen "
            + "de alto impacto";

    private Fixtures() {
    }

    public static BillApi.Bill submissionArchived() {
        return new BillApi.Bill("sometimiento", TITLE, "The submission bill.", BillKind.ORDINARY, Chamber.SENATE,
                Map.of("SENATE", "288/2023"), List.of("Néstor Osuna", "Alfonso Prada"), List.of("paz-total",
                "sometimiento"), false, null, LocalDate.of(2023, 3, 15), Stage.ARCHIVED, ArchiveReason.LAPSED,
                LocalDate.of(2023, 6, 20), null, null, null, "https://example.org/radicado", TestClock.TODAY,
                List.of(), List.of(), Instant.parse("2023-06-20T23:00:00Z"));
    }

    public static BillApi.Bill submissionOpen() {
        return new BillApi.Bill("sometimiento", TITLE, "The submission bill.", BillKind.ORDINARY, Chamber.SENATE,
                Map.of(), List.of("Gobierno nacional"), List.of("sometimiento"), false, null,
                LocalDate.of(2023, 3, 15), Stage.FIRST_DEBATE, null, LocalDate.of(2023, 3, 22), null, null, null,
                null, TestClock.TODAY, List.of(new BillApi.Deadline("END_OF_LEGISLATURE", LocalDate.of(2023, 6, 20),
                19, "art. 138", "end of the legislature")), List.of(), Instant.parse("2023-03-22T12:00:00Z"));
    }

    public static Optional<BillApi.Timeline> submissionTimeline() {
        return Optional.of(new BillApi.Timeline("sometimiento", Stage.ARCHIVED, List.of(
                new BillApi.Entry("e1", LocalDate.of(2023, 3, 15), "FILED", null, "Radicado en el Senado",
                        "https://example.org/radicado", null, Stage.FILED, Instant.parse("2023-03-16T00:00:00Z")),
                new BillApi.Entry("e2", LocalDate.of(2023, 6, 20), "LAPSED", null,
                        "Archived: the legislature ended without a first debate (art. 162)", null, null,
                        Stage.ARCHIVED, Instant.parse("2023-06-21T00:00:00Z")))));
    }

    public static BillApi.Summary summary(BillApi.Bill b) {
        return new BillApi.Summary(b.id(), b.title(), b.kind(), b.originChamber(), b.stage(), b.urgent(), b.filedOn(),
                b.topics(), b.lawNumber(), b.updatedAt());
    }

    public static VoteApi.Objection attorneyGeneral() {
        return new VoteApi.Objection("o1", "sometimiento", "ATTORNEY_GENERAL",
                "Francisco Barbosa (Fiscal General de la Nación)", "OPINION", "OPPOSES", List.of("29"),
                "Indultos disfrazados; el art. 29 erosiona la independencia de la Fiscalía.",
                LocalDate.of(2023, 3, 16), "https://example.org/fiscalia", null);
    }

    /** A committee vote that failed for want of the absolute majority: 11 of 22 voted yes, 12 were needed. */
    public static VoteApi.RollCall failedCommitteeVote() {
        List<VoteApi.Member> members = List.of(
                new VoteApi.Member("m1", "Ana Pérez", "Partido Verde", VoteChoice.YES),
                new VoteApi.Member("m2", "Luis Gómez", "Partido Verde", VoteChoice.YES),
                new VoteApi.Member("m3", "Rosa Díaz", "Centro Democrático", VoteChoice.NO));
        return new VoteApi.RollCall("v1", "paz-total", Chamber.SENATE, new VoteApi.Body("COMMITTEE", "Primera"),
                "Comisión Primera del Senado", Debate.FIRST, LocalDate.of(2022, 10, 24), "Aprobación del articulado",
                22, false, "TALLIED", new VoteApi.Counts(11, 9, 0, 2, 0),
                new VoteApi.Verdict(BillKind.STATUTORY, 12, true, "ABSOLUTE", "Ley 5 de 1992 art. 117-2", 12,
                        VoteOutcome.FAILED), Instant.parse("2022-10-25T00:00:00Z"), members, List.of(
                new VoteApi.PartyTally("Partido Verde", new VoteApi.Counts(2, 0, 0, 0, 0), 1.0),
                new VoteApi.PartyTally("Centro Democrático", new VoteApi.Counts(0, 1, 0, 0, 0), 1.0)));
    }
}
