package co.vigia.systemtests;

import co.vigia.devstack.Seed;
import co.vigia.devstack.Service;
import co.vigia.systemtests.walkthrough.Page;
import co.vigia.systemtests.walkthrough.Runner;
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
import org.junit.jupiter.api.TestFactory;

/**
 * The walkthroughs a newcomer copies, run as written: every curl of the README and of
 * {@code docs/walkthrough-*.md}, in the order of the page, against the stack as run-local.sh starts it, each
 * answer checked against what the page says it returns (see {@code docs/walkthroughs.md} for how a page says
 * it). A page that no longer matches the services fails here, so the pages cannot rot.
 */
class WalkthroughSystemTests {

    static final Path REPO = Path.of(System.getProperty("vigia.repo", "..")).toAbsolutePath().normalize();

    static SystemStack stack;
    static WebhookReceiver receiver;
    static final List<Runner.Exchange> exchanges = new ArrayList<>();

    @BeforeAll
    static void start() {
        receiver = WebhookReceiver.start();
        stack = SystemStack.start("walkthroughs", Map.of());
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
    Stream<DynamicTest> everyWalkthroughAnswersAsItsPageSays() throws IOException {
        Map<String, String> rewrites = new LinkedHashMap<>();
        rewrites.put("http://localhost:8081", stack.process(Service.BILL).baseUrl());
        rewrites.put("http://localhost:8082", stack.process(Service.VOTE).baseUrl());
        rewrites.put("http://localhost:8083", stack.process(Service.NOTIFY).baseUrl());
        rewrites.put("http://localhost:9000/", receiver.url(""));
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
}
