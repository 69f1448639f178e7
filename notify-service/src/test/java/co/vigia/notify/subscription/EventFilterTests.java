package co.vigia.notify.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which events a subscription receives: by type (exact, family, all) and by bill (listed, or all). */
class EventFilterTests {

    @Test
    void exactFamilyAndWildcardTypes() {
        assertThat(new EventFilter(List.of("co.vigia.vote.tallied"), List.of()).matches("co.vigia.vote.tallied", "b1")).isTrue();
        assertThat(new EventFilter(List.of("co.vigia.vote.tallied"), List.of()).matches("co.vigia.bill.lapsed", "b1")).isFalse();
        assertThat(new EventFilter(List.of("co.vigia.bill.*"), List.of()).matches("co.vigia.bill.stage-changed", "b1")).isTrue();
        assertThat(new EventFilter(List.of("co.vigia.bill.*"), List.of()).matches("co.vigia.billing.x", "b1")).isFalse();
        assertThat(new EventFilter(List.of("*"), List.of()).matches("co.vigia.objection.filed", "b1")).isTrue();
    }

    @Test
    void billsListedOrAll() {
        EventFilter one = new EventFilter(List.of("*"), List.of("ley-2272-2022"));
        assertThat(one.matches("co.vigia.bill.registered", "ley-2272-2022")).isTrue();
        assertThat(one.matches("co.vigia.bill.registered", "sometimiento-2023")).isFalse();
        assertThat(new EventFilter(List.of("*"), null).matches("co.vigia.bill.registered", "any")).isTrue();
    }

    @Test
    void thePatternsMatchingATypeAreExactlyThoseItsFilterAccepts() {
        String type = "co.vigia.vote.tallied";
        List<String> matching = EventFilter.patternsMatching(type);
        assertThat(matching).containsExactlyInAnyOrder("*", "co.vigia.vote.tallied", "co.vigia.vote.*", "co.vigia.*",
                "co.*");
        for (String pattern : List.of("*", "co.*", "co.vigia.*", "co.vigia.vote.*", "co.vigia.vote.tallied",
                "co.vigia.bill.*", "co.vigia.vote.talliedx", "co.vigia.vo*", "co.vigia.vote", "co.vigia.objection.filed")) {
            assertThat(matching.contains(pattern)).as(pattern)
                    .isEqualTo(new EventFilter(List.of(pattern), List.of()).matchesType(type));
        }
    }

    @Test
    void patternsThatMatchNoPublishedTypeAreRefused() {
        assertThat(EventFilter.problemWith("co.vigia.bill.*")).isEmpty();
        assertThat(EventFilter.problemWith("co.vigia.vote.tallied")).isEmpty();
        assertThat(EventFilter.problemWith("*")).isEmpty();
        assertThat(EventFilter.problemWith("co.vigia.vote.taled")).get().asString().contains("matches no event type");
        assertThat(EventFilter.problemWith("co.vigia.bil.*")).isPresent();
        assertThat(EventFilter.problemWith(" ")).isPresent();
    }
}
