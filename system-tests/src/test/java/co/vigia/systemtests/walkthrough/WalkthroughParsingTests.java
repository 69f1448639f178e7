package co.vigia.systemtests.walkthrough;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The runner reads a page as bash and a reader would: the conventions of docs/walkthroughs.md. */
class WalkthroughParsingTests {

    @Test
    void aMultiLineCurlWithItsExpectationIsOneCommand() {
        List<Script.Command> commands = Script.parse("""
                export BILL=http://localhost:8081 KEY="$VIGIA_OPERATOR_KEY"
                curl -s -X POST $BILL/api/bills -H "Authorization: Bearer $KEY" -d '{
                  "id": "demo-bill"}'
                # → 201 {"id":"demo-bill",
                #   "stage":"FILED",...}

                # a new paragraph, not an expectation
                SUB=$(curl -s $BILL/x | jq -r .subscription.id)   # → 200 {"subscription":{id}}
                """, 1);
        assertThat(commands).hasSize(3);
        Script.Command curl = commands.get(1);
        assertThat(curl.line()).isEqualTo(2);
        assertThat(curl.comments()).hasSize(2);
        Map<String, String> env = Map.of("BILL", "http://b", "KEY", "k");
        List<String> args = new ArrayList<>();
        curl.first().forEach(w -> args.add(w.expand(env, s -> "")));
        Curl parsed = Curl.of(args);
        assertThat(parsed.method()).isEqualTo("POST");
        assertThat(parsed.url()).isEqualTo("http://b/api/bills");
        assertThat(parsed.headers()).containsEntry("Authorization", "Bearer k")
                .containsEntry("Content-Type", "application/x-www-form-urlencoded");
        assertThat(parsed.body()).isEqualTo("{\n  \"id\": \"demo-bill\"}");
        assertThat(Expectation.of(curl.comments()).status()).isEqualTo(201);
        Script.Command capture = commands.get(2);
        assertThat(capture.first().get(0).parts()).anyMatch(p -> p instanceof Script.Sub);
        assertThat(Expectation.of(capture.comments()).status()).isEqualTo(200);
    }

    @Test
    void aPatternChecksTheFieldsShownAndLetsEllipsesStandForTheRest() {
        Expectation expected = Expectation.of(List.of(
                "→ 201 application/problem+json {\"id\":\"<voteId>\",\"secret\":\"whsec_…\",\"n\":3,",
                " \"items\":[..., {\"type\":\"VOTE\",...}], \"all\":[\"A\",\"B\"], present} prose (ignored)"));
        String body = "{\"id\":\"x1\",\"secret\":\"whsec_abc\",\"n\":3,\"extra\":true,\"present\":null,"
                + "\"items\":[{\"type\":\"FILED\"},{\"type\":\"VOTE\",\"x\":1}],\"all\":[\"A\",\"B\"]}";
        Map<String, List<String>> headers = Map.of("Content-Type", List.of("application/problem+json"));
        assertThat(expected.mismatches(201, headers, body)).isEmpty();
        assertThat(expected.mismatches(200, headers, body)).containsExactly("status: expected 201, got 200");
        assertThat(expected.mismatches(201, headers, body.replace("whsec_", "sk_").replace("[\"A\",\"B\"]", "[\"A\"]")))
                .hasSize(2);
        assertThat(expected.mismatches(201, headers, body.replace("\"VOTE\"", "\"NOTE\""))).hasSize(1);
    }

    @Test
    void aNullInThePageMatchesOnlyANull() {
        Expectation expected = Expectation.of(List.of("→ 200 {\"sourceUrl\":null}"));
        Map<String, List<String>> headers = Map.of("Content-Type", List.of("application/json"));
        assertThat(expected.mismatches(200, headers, "{\"sourceUrl\":null}")).isEmpty();
        assertThat(expected.mismatches(200, headers, "{\"sourceUrl\":\"https://example.org\"}")).hasSize(1);
    }

    /** Without a stack: a page whose commands or expectations cannot be read fails here, in seconds. */
    @Test
    void everyWalkthroughOfTheRepositoryReads() throws Exception {
        java.nio.file.Path repo = java.nio.file.Path.of(System.getProperty("vigia.repo", "..")).toAbsolutePath();
        List<java.nio.file.Path> pages = new ArrayList<>(List.of(repo.resolve("README.md")));
        try (var docs = java.nio.file.Files.list(repo.resolve("docs"))) {
            docs.filter(p -> p.getFileName().toString().startsWith("walkthrough-")).forEach(pages::add);
        }
        int requests = 0;
        for (java.nio.file.Path path : pages) {
            for (Page.Block block : Page.read(path).blocks()) {
                for (Script.Command command : block.commands()) {
                    Expectation.of(command.comments());
                    requests += command.toString().contains("curl") ? 1 : 0;
                }
            }
        }
        assertThat(requests).as("curl commands in the README and docs/walkthrough-*.md").isGreaterThan(30);
    }

    @Test
    void headersAndTextBodiesAreChecked() {
        Expectation etag = Expectation.of(List.of("→ 200 ETag: \"demo-bill-v…\""));
        assertThat(etag.mismatches(200, Map.of("ETag", List.of("\"demo-bill-v3-2026-12-06\"")), "")).isEmpty();
        assertThat(etag.mismatches(200, Map.of("ETag", List.of("\"other\"")), "")).hasSize(1);
        Expectation feed = Expectation.of(List.of("→ 200 application/atom+xml <feed><title>Vigía</title>...<entry>..."));
        assertThat(feed.mismatches(200, Map.of("content-type", List.of("application/atom+xml;charset=UTF-8")),
                "<?xml?><feed><title>Vigía</title><id>x</id><entry></entry></feed>")).isEmpty();
        assertThat(Expectation.of(List.of("no arrow, just prose")).mismatches(204, Map.of(), "")).isEmpty();
    }
}
