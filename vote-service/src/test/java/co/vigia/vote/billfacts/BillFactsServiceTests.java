package co.vigia.vote.billfacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import co.vigia.contracts.BillKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BillFactsServiceTests {

    final BillFactsReadModel readModel = mock(BillFactsReadModel.class);
    final BillServiceClient client = mock(BillServiceClient.class);
    final BillFactsService service = new BillFactsService(readModel, client);

    @Test
    void manyBillsAreLookedUpInTheReadModelAtOnceAndOnlyThoseItLacksAreAskedOfBillService() {
        BillFacts known = new BillFacts("a", BillKind.ORDINARY, "FIRST_DEBATE");
        BillFacts fetched = new BillFacts("b", BillKind.STATUTORY, "FILED");
        when(readModel.findAll(any())).thenReturn(Map.of("a", known, "b", new BillFacts("b", null, "FILED")));
        when(client.fetch("b")).thenReturn(new BillFactsLookup.Known(fetched));
        when(client.fetch("c")).thenReturn(new BillFactsLookup.Unknown("c"));

        Map<String, BillFactsLookup> answers = service.lookupAll(List.of("a", "b", "c"));

        assertThat(answers).containsEntry("a", new BillFactsLookup.Known(known))
                .containsEntry("b", new BillFactsLookup.Known(fetched))
                .containsEntry("c", new BillFactsLookup.Unknown("c"));
        verify(client, never()).fetch("a");
        verify(readModel).remember(fetched);
    }
}
