package co.vigia.web.home;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import co.vigia.web.Fixtures;
import co.vigia.web.WebSliceTest;
import co.vigia.web.record.BillApi;
import co.vigia.web.client.Upstream;
import co.vigia.web.client.UpstreamUnavailableException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebSliceTest(HomeController.class)
class HomeControllerTests {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    BillApi bills;

    @Test
    void theHomePageListsBillsTheDeadlinesOfTheNext30DaysAndTheLatestActivity() throws Exception {
        BillApi.Bill open = Fixtures.submissionOpen();
        when(bills.search(eq(BillApi.Query.ALL), eq(0), anyInt())).thenReturn(new BillApi.Page(
                List.of(Fixtures.summary(open)), 0, 50, 1));
        when(bills.bill("sometimiento")).thenReturn(Optional.of(open));
        when(bills.timeline("sometimiento")).thenReturn(Fixtures.submissionTimeline());
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("En primer debate")))
                .andExpect(content().string(containsString("Fin de la legislatura")))
                .andExpect(content().string(containsString("faltan 19 días")))
                .andExpect(content().string(containsString("Radicado en el Senado")))
                .andExpect(content().string(containsString("role=\"search\"")))
                .andExpect(header().string("Cache-Control", "max-age=30, public"));
    }

    @Test
    void withBillServiceDownTheHomePageStillRendersAndSaysWhy() throws Exception {
        when(bills.search(any(), anyInt(), anyInt())).thenThrow(new UpstreamUnavailableException(Upstream.BILL,
                UpstreamUnavailableException.Reason.NOT_ANSWERING, null));
        mvc.perform(get("/").header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The bill service is not answering.")))
                .andExpect(content().string(containsString("Search bills")))
                // an empty list would be a false statement: the notice says why there is none
                .andExpect(content().string(not(containsString("No deadline falls in the next 30 days"))));
    }
}
