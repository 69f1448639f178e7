package co.vigia.web.member;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import co.vigia.contracts.Chamber;
import co.vigia.contracts.Debate;
import co.vigia.contracts.VoteOutcome;
import co.vigia.web.Fixtures;
import co.vigia.web.WebSliceTest;
import co.vigia.web.record.BillApi;
import co.vigia.web.record.VoteApi;
import co.vigia.web.record.VoteChoice;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebSliceTest(MemberPageController.class)
class MemberPageControllerTests {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    BillApi bills;
    @MockitoBean
    VoteApi votes;

    @Test
    void aLegislatorsPageListsHowTheyVotedOnEachTrackedBill() throws Exception {
        when(votes.member("m3")).thenReturn(Optional.of(new VoteApi.MemberRecord("m3", "Rosa Díaz",
                "Centro Democrático", new VoteApi.Counts(0, 1, 0, 0, 0), List.of(new VoteApi.MemberVoteLine("v1",
                "sometimiento", Chamber.SENATE, "Comisión Primera del Senado", Debate.FIRST,
                LocalDate.of(2022, 10, 24), null, "Centro Democrático", VoteChoice.NO, VoteOutcome.FAILED)))));
        when(bills.bill("sometimiento")).thenReturn(Optional.of(Fixtures.submissionArchived()));
        mvc.perform(get("/congresistas/m3"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>Rosa Díaz</h1>")))
                .andExpect(content().string(containsString(Fixtures.TITLE)))
                .andExpect(content().string(containsString("<td>En contra</td>")))
                .andExpect(content().string(containsString("0 votos a favor, 1 en contra")));
    }

    @Test
    void anUnknownLegislatorIs404() throws Exception {
        when(votes.member(any())).thenReturn(Optional.empty());
        mvc.perform(get("/congresistas/nobody")).andExpect(status().isNotFound());
    }
}
