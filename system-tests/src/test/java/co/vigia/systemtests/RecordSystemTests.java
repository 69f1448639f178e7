package co.vigia.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import co.vigia.devstack.Seed;
import co.vigia.testsupport.TestStack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Replays the record ({@code ./run-local.sh --seed}) through the public APIs, as run-local does, and checks where it
 * leaves the two bills: stage, deadlines, defects (none: the opposition's claim about the conciliation vote is a note,
 * not an inferred defect) and the timeline, every entry with its source.
 */
class RecordSystemTests {

    static TestStack stack;

    @BeforeAll
    static void start() {
        // the real clock: the record's limits fell long ago
        stack = SystemStack.start("record", Map.of("VIGIA_CLOCK_ADJUSTABLE", "false"));
        Seed.load(stack.devstack());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void ley2272IsSanctionedWithItsPlenariesInTheirRealOrderAndNoDefect() {
        JsonNode bill = stack.bill.get("/api/bills/paz-total").expect(200).json();
        assertThat(bill.path("stage").asString()).isEqualTo("SANCTIONED");
        assertThat(bill.path("lawNumber").asString()).isEqualTo("2272 de 2022");
        assertThat(bill.path("sanctionedOn").asString()).isEqualTo("2022-11-04");
        assertThat(bill.path("deadlines").size()).isZero();
        assertThat(bill.path("defects").size()).isZero();
        JsonNode defects = stack.bill.get("/api/bills/paz-total/defects").expect(200).json();
        assertThat(defects.path("count").asInt()).isZero();

        JsonNode entries = stack.bill.get("/api/bills/paz-total/timeline").expect(200).json().path("entries");
        assertThat(entries.size()).isEqualTo(21);
        List<String> stages = new ArrayList<>();
        for (JsonNode entry : entries) {
            assertThat(entry.path("sourceUrl").asString()).as(entry.toString()).startsWith("http");
            stages.add(entry.path("date").asString() + " " + entry.path("stageAfter").asString());
        }
        // the Senate plenary (24 Oct) voted before the House, the chamber of origin (26 Oct)
        assertThat(stages).containsSubsequence("2022-10-12 SECOND_DEBATE", "2022-10-24 SECOND_DEBATE",
                "2022-10-26 SENT_TO_SANCTION", "2022-10-26 CONCILIATION", "2022-11-03 SENT_TO_SANCTION",
                "2022-11-04 SANCTIONED");
        assertThat(entries.toString()).contains("had not been announced").contains("no defect is inferred")
                .contains("63 votes in favour and 4 against").contains("125 votes in favour");
        long approximate = 0;
        for (JsonNode entry : entries) {
            approximate += entry.path("approximate").asBoolean() ? 1 : 0;
        }
        assertThat(approximate).as("urgency, joint deliberation and assignment, about 13 Sep 2022").isEqualTo(3);
    }

    @Test
    void theSubmissionBillIsArchivedOn20June2023ForWantOfAFirstDebate() {
        JsonNode bill = stack.bill.get("/api/bills/sometimiento").expect(200).json();
        assertThat(bill.path("stage").asString()).isEqualTo("ARCHIVED");
        assertThat(bill.path("archiveReason").asString()).isEqualTo("LAPSED");
        assertThat(bill.path("stageSince").asString()).isEqualTo("2023-06-20");
        JsonNode deadlines = bill.path("deadlines");
        assertThat(deadlines.size()).isEqualTo(1);
        assertThat(deadlines.get(0).path("kind").asString()).isEqualTo("LEGISLATURE_LIMIT");
        assertThat(deadlines.get(0).path("dueOn").asString()).isEqualTo("2023-06-20");
        assertThat(deadlines.get(0).path("article").asString()).isEqualTo("art. 162");
        assertThat(stack.bill.get("/api/bills/sometimiento/defects").expect(200).json().path("count").asInt()).isZero();

        JsonNode entries = stack.bill.get("/api/bills/sometimiento/timeline").expect(200).json().path("entries");
        assertThat(entries.size()).isEqualTo(7);
        String all = entries.toString();
        assertThat(all).contains("Gaceta del Congreso 568", "Ariel Ávila", "ATTORNEY_GENERAL", "INSPECTOR_GENERAL");
        for (JsonNode entry : entries) {
            if (!"LAPSED".equals(entry.path("type").asString())) {
                assertThat(entry.path("sourceUrl").asString()).as(entry.toString()).startsWith("http");
            }
        }
    }
}
