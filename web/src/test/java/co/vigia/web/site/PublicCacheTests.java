package co.vigia.web.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import co.vigia.web.Fixtures;
import co.vigia.web.record.BillApi;
import co.vigia.web.client.ServiceClient;
import co.vigia.web.client.ServiceClients;
import co.vigia.web.client.Upstream;
import co.vigia.web.client.UpstreamUnavailableException;
import co.vigia.web.client.WebProperties;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** A crowd on one bill costs bill-service one request per interval; a failure is never kept. */
@SpringBootTest(classes = PublicCacheTests.Config.class, properties = "vigia.web.public-cache-ttl=1s")
class PublicCacheTests {

    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties(WebProperties.class)
    @Import({PublicCache.class, BillApi.class})
    static class Config {
    }

    @MockitoBean
    ServiceClients clients;
    @Autowired
    BillApi bills;
    @Autowired
    PublicCache cache;
    final ServiceClient bill = mock(ServiceClient.class);

    @BeforeEach
    void billService() {
        cache.clear();
        when(clients.bill()).thenReturn(bill);
    }

    @Test
    void manyReadersOfOneBillMakeOneRequest() {
        when(bill.find(eq("/api/bills/{id}"), eq(BillApi.Bill.class), eq("sometimiento")))
                .thenReturn(Optional.of(Fixtures.submissionArchived()));
        for (int i = 0; i < 100; i++) {
            assertThat(bills.bill("sometimiento")).isPresent();
        }
        verify(bill, times(1)).find("/api/bills/{id}", BillApi.Bill.class, "sometimiento");
    }

    @Test
    void whenTheServiceFailsTheLastGoodAnswerIsServedStaleIfError() throws Exception {
        when(bill.find(eq("/api/bills/{id}"), eq(BillApi.Bill.class), eq("sometimiento")))
                .thenReturn(Optional.of(Fixtures.submissionArchived()))
                .thenThrow(new UpstreamUnavailableException(Upstream.BILL,
                        UpstreamUnavailableException.Reason.TIMED_OUT, null));
        assertThat(bills.bill("sometimiento")).isPresent();
        Thread.sleep(1_200); // past the fresh answer's 1 s (vigia.web.public-cache-ttl=1s)
        assertThat(bills.bill("sometimiento")).contains(Fixtures.submissionArchived());
        verify(bill, times(2)).find("/api/bills/{id}", BillApi.Bill.class, "sometimiento");
    }

    @Test
    void aFailureIsNotKeptSoTheNextReaderAsksAgain() {
        when(bill.find(eq("/api/bills/{id}"), eq(BillApi.Bill.class), eq("sometimiento")))
                .thenThrow(new UpstreamUnavailableException(Upstream.BILL,
                        UpstreamUnavailableException.Reason.NOT_ANSWERING, null))
                .thenReturn(Optional.of(Fixtures.submissionArchived()));
        assertThatThrownBy(() -> bills.bill("sometimiento")).isInstanceOf(UpstreamUnavailableException.class);
        assertThat(bills.bill("sometimiento")).isPresent();
    }
}
