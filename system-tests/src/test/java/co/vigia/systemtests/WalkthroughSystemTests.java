package co.vigia.systemtests;

import co.vigia.devstack.Seed;
import co.vigia.devstack.Service;
import co.vigia.systemtests.walkthrough.Page;
import co.vigia.systemtests.walkthrough.Runner;
import co.vigia.testsupport.TestStack;
import co.vigia.testsupport.WebhookReceiver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.assertj.core.api.SoftAssertions;

/**
 * The walkthroughs a newcomer copies, run as written: every curl of the README and of
 * {@code docs/walkthrough-*.md}, in the order of the page, against the stack as run-local.sh starts it, each
 * answer checked against what the page says it returns (see {@code docs/walkthroughs.md} for how a page says
 * it). A page that no longer matches the services fails here, so the pages cannot rot. Then the OpenAPI documents
 * the services serve are linted and checked to describe every request the pages made ({@link ApiDocuments}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkthroughSystemTests {

    static final Path REPO = Path.of(System.getProperty("vigia.repo", "..")).toAbsolutePath().normalize();

    static TestStack stack;
    static WebhookReceiver receiver;
    static final List<Runner.Exchange> exchanges = new ArrayList<>();

    @BeforeAll
    static void start() {
        receiver = WebhookReceiver.start();
        stack = SystemStack.start("walkthroughs", receiver.port(), Map.of());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    /** The README first, then the walkthroughs by name: the order a reader meets them. */
    static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(REPO.resolve("README.md"));
        try (Stream<Path> docs = Files.list(REPO.resolve("docs"))) {
            docs.filter(p -> p.getFileName().toString().matches("walkthrough-.*\\.md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    @TestFactory
    @Order(1)
    Stream<DynamicTest> everyWalkthroughAnswersAsItsPageSays() throws IOException {
        Map<String, String> rewrites = new LinkedHashMap<>();
        rewrites.put("http://localhost:8081", stack.process(Service.BILL).baseUrl());
        rewrites.put("http://localhost:8082", stack.process(Service.VOTE).baseUrl());
        rewrites.put("http://localhost:8083", stack.process(Service.NOTIFY).baseUrl());
        rewrites.put("http://localhost:9000/", receiver.localhostUrl("/"));
        Runner runner = new Runner(rewrites, Map.of("VIGIA_OPERATOR_KEY", SystemStack.OPERATOR_KEY),
                () -> Seed.load(stack.devstack()), exchanges::add);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path path : pages()) {
            Page page = Page.read(path);
            String name = REPO.relativize(path).toString();
            tests.add(DynamicTest.dynamicTest(name + " (" + page.requests() + " requests)", () -> runner.run(page, name)));
        }
        return tests.stream();
    }

    @Test
    @Order(2)
    void theApiDocumentsPassSpectralsRulesAndDescribeEveryWalkthroughRequest() throws Exception {
        Path out = Path.of("target", "openapi").toAbsolutePath();
        ApiDocuments documents = new ApiDocuments(stack, out);
        Map.Entry<Integer, String> lint = ApiDocuments.spectral(REPO, out);
        System.out.println("Spectral on " + out + ":\n" + lint.getValue());
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(lint.getKey()).as("Spectral's exit code (no error, no warning):\n" + lint.getValue()).isZero();
        softly.assertThat(exchanges).as("requests the walkthroughs made").hasSizeGreaterThan(30);
        softly.assertThat(documents.undescribed(exchanges)).as("walkthrough requests the documents do not describe")
                .isEmpty();
        for (Service service : Service.values()) {
            String doc = Files.readString(out.resolve(service.name().toLowerCase(java.util.Locale.ROOT) + "-service.json"));
            softly.assertThat(doc).as(service + ": the caller is a security requirement, not a parameter")
                    .doesNotContain("\"name\":\"caller\"");
        }
        String notify = Files.readString(out.resolve("notify-service.json"));
        for (co.vigia.contracts.EventType type : co.vigia.contracts.EventType.values()) {
            softly.assertThat(notify).as("the webhook " + type.type()).contains("\"" + type.type() + "\":{\"post\"");
        }
        softly.assertAll();
    }
}
