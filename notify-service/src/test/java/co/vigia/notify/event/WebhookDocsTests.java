package co.vigia.notify.event;

import static org.assertj.core.api.Assertions.assertThat;

import co.vigia.contracts.EventType;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import org.junit.jupiter.api.Test;

class WebhookDocsTests {

    @Test
    void everyEventTypeIsAWebhookWithTheStandardHeadersAndItsContractSchema() {
        OpenAPI openApi = new OpenAPI();
        new WebhookDocs().customise(openApi);

        assertThat(openApi.getWebhooks()).hasSize(EventType.values().length);
        for (EventType type : EventType.values()) {
            var post = openApi.getWebhooks().get(type.type()).getPost();
            assertThat(post.getParameters()).extracting("name")
                    .containsExactly("webhook-id", "webhook-timestamp", "webhook-signature");
            assertThat(openApi.getComponents().getSchemas()).containsKey(type.type() + ".v" + type.schemaVersion());
        }
        String json = Json31.pretty(openApi);
        String tallied = "co.vigia.vote.tallied.v" + EventType.VOTE_TALLIED.schemaVersion();
        assertThat(json).contains("\"voteId\"").contains("\"#/components/schemas/" + tallied + "\"")
                .doesNotContain("\"$id\"");
    }
}
