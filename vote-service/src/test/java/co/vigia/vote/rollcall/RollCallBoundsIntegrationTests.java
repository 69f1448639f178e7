package co.vigia.vote.rollcall;

import static co.vigia.vote.VoteFixtures.post;
import static co.vigia.vote.VoteFixtures.send;
import static org.assertj.core.api.Assertions.assertThat;

import co.vigia.devstack.test.RawHttp;
import co.vigia.vote.VoteFixtures;
import co.vigia.vote.VoteFixtures.Response;
import co.vigia.vote.VoteServiceIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What vote-service refuses at its edge: votes before their bill was filed, bill ids of another shape, batches
 * beyond their bounds; and a bill-service refusing an id is "no such bill", not a failure of bill-service.
 */
class RollCallBoundsIntegrationTests extends VoteServiceIntegrationTest {

    private static String totalsVote(String externalId, String billId, String date) {
        return "{\"externalId\":\"" + externalId + "\",\"billId\":\"" + billId + "\",\"chamber\":\"HOUSE\","
                + "\"body\":{\"kind\":\"PLENARY\"},\"debate\":\"SECOND\",\"date\":\"" + date + "\","
                + "\"motion\":\"Aprobar el articulado\",\"seats\":188,\"totals\":{\"yes\":100,\"no\":20}}";
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aVoteDatedBeforeItsBillWasFiledIsRefusedNamingTheDate() throws Exception {
        String billId = unique("filed-late");
        BILL_SERVICE.knows(billId, "ORDINARY", "SECOND_DEBATE", "2024-03-01");
        Response early = post(port, "/api/votes", totalsVote(unique("early"), billId, "2024-02-29"));
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.body().path("type").asString()).endsWith("/before-filing");
        assertThat(early.body().path("errors").get(0).path("field").asString()).isEqualTo("date");
        assertThat(early.body().path("detail").asString()).contains("2024-03-01");

        assertThat(post(port, "/api/votes", totalsVote(unique("same-day"), billId, "2024-03-01")).status())
                .isEqualTo(201);
    }

    @Test
    void aBillIdOfAnotherShapeIsRefusedBeforeBillServiceIsAsked() throws Exception {
        long callsBefore = circuitBreaker().getMetrics().getNumberOfBufferedCalls();
        for (String billId : new String[] {"a/b", "PL 1", "x\u0000y", "../bills", "ab"}) {
            Response refused = post(port, "/api/votes", totalsVote(unique("odd-id"), billId, "2024-05-01"));
            assertThat(refused.status()).as(billId).isEqualTo(400);
            assertThat(refused.raw()).contains("billId");
        }
        Response control = post(port, "/api/votes", totalsVote("ext\u202Eid", "some-bill", "2024-05-01"));
        assertThat(control.status()).isEqualTo(400);
        assertThat(control.raw()).contains("externalId");
        assertThat(circuitBreaker().getMetrics().getNumberOfBufferedCalls()).isEqualTo(callsBefore);
    }

    @Test
    void aBillServiceRefusingTheIdIsNoSuchBillAndDoesNotTripTheCircuit() throws Exception {
        String billId = unique("refused-id");
        BILL_SERVICE.refuses(billId, 400);
        Response vote = post(port, "/api/votes", totalsVote(unique("refused"), billId, "2024-05-01"));
        assertThat(vote.status()).isEqualTo(404);
        assertThat(circuitBreaker().getMetrics().getNumberOfFailedCalls()).isZero();
    }

    @Test
    void aBatchBeyondItsBoundsIsRefusedWithWhatWasProcessed() throws Exception {
        Response trailing = post(port, "/api/votes:batch", "[{}] {}");
        assertThat(trailing.status()).isEqualTo(400);
        assertThat(trailing.body().path("detail").asString()).contains("after the closing ']'");
        // the item was read but its chunk not yet recorded when the body broke off: nothing was stored
        assertThat(trailing.body().path("processed").asInt()).isZero();

        Response longLine = send(port, "POST", "/api/votes:batch", "{}\n{\"motion\":\"" + "x".repeat(300_000)
                + "\"}\n", RollCallBatchController.NDJSON);
        assertThat(longLine.status()).isEqualTo(413);
        assertThat(longLine.body().path("type").asString()).endsWith("/item-too-large");
        assertThat(longLine.body().path("detail").asString()).contains("line 2");

        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i <= 5000; i++) {
            many.append(i == 0 ? "" : ",").append("{}");
        }
        Response tooMany = post(port, "/api/votes:batch", many.append(']').toString());
        assertThat(tooMany.status()).isEqualTo(413);
        assertThat(tooMany.body().path("type").asString()).endsWith("/batch-too-large");
        assertThat(tooMany.body().path("processed").asInt()).isEqualTo(5000);

        RawHttp.Response huge = RawHttp.raw("localhost", port, ("POST /api/votes:batch HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + VoteFixtures.OPERATOR_KEY + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: 100000000\r\nConnection: close\r\n\r\n[").getBytes(StandardCharsets.US_ASCII));
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.contentType()).startsWith("application/problem+json");

        Response single = post(port, "/api/votes", "{\"motion\":\"" + "x".repeat(1_100_000) + "\"}");
        assertThat(single.status()).isEqualTo(413);
    }
}
