package io.github.connectparticipant.examples.jbang;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Camel JBang commands of README.md and examples/README.md ("against the simulator"), as written: the simulator
 * started by the Maven command they give, in the repository's root; then their {@code camel run} command, with
 * {@code camel} being Camel JBang's own entry point ({@link main.CamelJBang}), in a folder that holds the route where
 * the command names it and an inbox with a file of attachment ids. Two changes only: the simulator's port (0, read
 * from its start line, since 8089 may be taken here) and the URL that names it. {@code mvn -B install -DskipTests},
 * which puts the snapshot in ~/.m2 for {@code camel run}, is what the repository's build did before it ran this one.
 */
class JBangCommandsTest {

    private static final Path ROOT = Path.of(System.getProperty("connectparticipant.root", "../..")).toAbsolutePath()
            .normalize();
    private static final String DOC_URL = "http://127.0.0.1:8089";
    private static final String TOKEN = "dev-token";
    private static final Pattern SIMULATOR = Pattern.compile("^mvn -q compile exec:java@simulator .*$",
            Pattern.MULTILINE);
    private static final Pattern LISTENING = Pattern.compile("listening at (http://127\\.0\\.0\\.1:\\d+)");

    @TempDir
    Path work;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (Process process : started) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void theReadmesCommandRunsTheFilesRouteAgainstTheSimulator() throws Exception {
        runsAsWritten(section(Files.readString(ROOT.resolve("README.md")), "**Camel JBang**", "\n**"));
    }

    @Test
    void theExamplesCommandRunsTheFilesRouteAgainstTheSimulator() throws Exception {
        runsAsWritten(section(Files.readString(ROOT.resolve("examples/README.md")), "Against the simulator", "\n\n"
                + "Brokers"));
    }

    private void runsAsWritten(String section) throws Exception {
        String block = bashBlock(section);
        Matcher simulatorLine = SIMULATOR.matcher(block);
        assertTrue(simulatorLine.find(), "the block starts the simulator: " + block);
        String simulatorCommand = simulatorLine.group().replaceAll("\\s+#.*$", "");
        assertTrue(simulatorCommand.contains("--port 8089"), simulatorCommand);
        String baseUrl = startSimulator(simulatorCommand.replace("--port 8089", "--port 0"));

        Matcher camelLine = Pattern.compile("^camel run ", Pattern.MULTILINE).matcher(block);
        assertTrue(camelLine.find(), "the block runs a route: " + block);
        String camelRun = block.substring(camelLine.start()).replace("\\\n", " ").strip();
        assertTrue(camelRun.contains("--prop=participant.url=" + DOC_URL), camelRun);
        Path route = ROOT.resolve(camelRun.split("\\s+")[2]);
        Files.createDirectories(work.resolve("routes"));
        Files.copy(route, work.resolve("routes").resolve(route.getFileName()));
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        Files.writeString(inbox.resolve("ids.txt"), "jbang-1\njbang-2\n");

        String launcher = ProcessHandle.current().info().command().orElse("java") + " -cp "
                + System.getProperty("java.class.path") + " main.CamelJBang";
        Process camel = new ProcessBuilder("bash", "-c",
                camelRun.replaceFirst("^camel ", launcher + " ").replace(DOC_URL, baseUrl))
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(work.resolve("camel.log").toFile())
                .start();
        started.add(camel);

        Path done = inbox.resolve(".done").resolve("ids.txt");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!Files.exists(done) && camel.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        boolean completed = Files.exists(done);
        camel.destroy();
        assertTrue(camel.waitFor(30, TimeUnit.SECONDS), "camel run stops on SIGTERM");
        String log = Files.readString(work.resolve("camel.log"));
        assertTrue(completed, "the file of ids was completed and moved to .done: " + log);
        assertFalse(Files.exists(inbox.resolve(".deadletter")), "nothing dead-lettered: " + log);
        // the properties reached the route, the token masked in Camel's summary and nowhere in clear
        assertTrue(log.contains("participant.connection.token = xxxxxx"), log);
        assertFalse(log.contains(TOKEN), "the token in Camel JBang's output: " + log);
        assertFalse(log.contains("Additional files added to classpath"), log);
        assertEquals(0, Files.list(inbox).filter(Files::isRegularFile).count(), "the inbox is empty");
    }

    /** Runs the simulator's command in the repository's root and returns the URL its start line gives. */
    private String startSimulator(String command) throws Exception {
        Process simulator = new ProcessBuilder("bash", "-c", command).directory(ROOT.toFile())
                .redirectErrorStream(true).start();
        started.add(simulator);
        StringBuilder seen = new StringBuilder();
        CompletableFuture<String> url = new CompletableFuture<>();
        // read its output to the end, so that the simulator never blocks on a full pipe
        CompletableFuture.runAsync(() -> {
            try (var lines = simulator.inputReader(StandardCharsets.UTF_8)) {
                String line;
                while ((line = lines.readLine()) != null) {
                    Matcher listening = LISTENING.matcher(line);
                    if (!url.isDone()) {
                        seen.append(line).append('\n');
                    }
                    if (listening.find()) {
                        url.complete(listening.group(1));
                    }
                }
            } catch (IOException e) {
                // the simulator stopped
            }
            url.complete(null);
        });
        String baseUrl = url.get(3, TimeUnit.MINUTES);
        assertTrue(baseUrl != null, "the simulator's start line: " + seen);
        return baseUrl;
    }

    private static String section(String markdown, String start, String end) {
        int from = markdown.indexOf(start);
        assertTrue(from >= 0, start);
        int to = markdown.indexOf(end, from + start.length());
        return to < 0 ? markdown.substring(from) : markdown.substring(from, to);
    }

    private static String bashBlock(String text) {
        Matcher block = Pattern.compile("```bash\n(.*?)```", Pattern.DOTALL).matcher(text);
        assertTrue(block.find(), text);
        return block.group(1);
    }
}
