package co.vigia.web.sitemap;

import co.vigia.web.sitemap.SitemapController;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebSliceTest(SitemapController.class)
class SitemapControllerTests {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    BillApi bills;

    @Test
    void theSitemapListsEveryBillPage() throws Exception {
        when(bills.search(any(), anyInt(), anyInt())).thenReturn(new BillApi.Page(
                List.of(Fixtures.summary(Fixtures.submissionArchived())), 0, 100, 1));
        mvc.perform(get("/sitemap.xml"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "<url><loc>http://localhost:8080/proyectos/sometimiento</loc><lastmod>2023-06-20</lastmod></url>")));
    }

    @Test
    void withoutBillServiceTheSitemapStillAnswers() throws Exception {
        when(bills.search(any(), anyInt(), anyInt())).thenThrow(new UpstreamUnavailableException(Upstream.BILL,
                UpstreamUnavailableException.Reason.NOT_ANSWERING, null));
        mvc.perform(get("/sitemap.xml")).andExpect(status().isOk())
                .andExpect(content().string(containsString("<loc>http://localhost:8080/</loc>")));
    }

    @Test
    void robotsKeepCrawlersOutOfThePortalAndConsole() throws Exception {
        mvc.perform(get("/robots.txt"))
                .andExpect(content().string(containsString("Disallow: /portal")))
                .andExpect(content().string(containsString("Sitemap: http://localhost:8080/sitemap.xml")));
    }

    @Test
    void thePortalAndConsoleSendToTheirSignInWithoutASession() throws Exception {
        mvc.perform(get("/portal/anything")).andExpect(status().isFound())
                .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/portal/entrar")));
        mvc.perform(get("/ops/anything")).andExpect(status().isFound())
                .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/ops/entrar")));
    }
}
