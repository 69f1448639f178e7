package co.vigia.systemtests.walkthrough;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Markdown page's runnable part: its {@code ```bash} blocks that call curl or only set variables, in order. A
 * block after a line {@code <!-- walkthrough: skip -->} is not run (a command the runner cannot run, such as
 * starting a JVM).
 */
public record Page(Path path, List<Block> blocks) {

    public static final String SKIP = "<!-- walkthrough: skip -->";

    /** One block: its commands and the page line it starts on. */
    public record Block(int line, List<Script.Command> commands) {
    }

    public static Page read(Path path) throws IOException {
        List<String> lines = Files.readAllLines(path);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String fence = lines.get(i).strip();
            if (!fence.startsWith("```")) {
                continue;
            }
            int start = i + 1;
            int end = start;
            while (end < lines.size() && !lines.get(end).strip().startsWith("```")) {
                end++;
            }
            boolean skipped = i > 0 && lines.get(i - 1).strip().equals(SKIP);
            String body = String.join("\n", lines.subList(start, Math.min(end, lines.size())));
            if (fence.equals("```bash") && !skipped) {
                List<Script.Command> commands = Script.parse(body, start + 1);
                if (body.contains("curl ") || !commands.isEmpty() && commands.stream().allMatch(Page::setsVariables)) {
                    blocks.add(new Block(start + 1, commands));
                }
            }
            i = end;
        }
        return new Page(path, List.copyOf(blocks));
    }

    private static boolean setsVariables(Script.Command command) {
        String first = command.first().get(0).literal();
        return "export".equals(first) || command.first().stream().allMatch(w -> !w.parts().isEmpty()
                && w.parts().get(0) instanceof Script.Lit lit && lit.text().matches("[A-Za-z_][A-Za-z0-9_]*=.*"));
    }

    public int requests() {
        int n = 0;
        for (Block block : blocks) {
            for (Script.Command command : block.commands()) {
                n += command.toString().contains("curl") ? 1 : 0;
            }
        }
        return n;
    }
}
