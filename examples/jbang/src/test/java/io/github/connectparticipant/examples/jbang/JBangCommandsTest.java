package io.github.connectparticipant.examples.jbang;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
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
 * from its start line, since 8089 may be taken here) and the URL that names it. The JMS route's command of
 * examples/README.md runs the same way against the brokers that README starts, its broker's URL replaced and the
 * simulator's added, as it says. {@code mvn -B install -DskipTests},
 * which puts the snapshot in ~/.m2 for {@code camel run}, is what the repository's build did before it ran this one.
 */
class JBangCommandsTest {

    private static final Path ROOT = Path.of(System.getProperty("connectparticipant.root", "../..")).toAbsolutePath()
            .normalize();
    private static final String DOC_URL = "http://127.0.0.1:8089";
    private static final String TOKEN = "dev-token";
    private static final Pattern SIMULATOR = Pattern.compile("^mvn -q compile exec:java@simulator .*$",
            Pattern.MULTILINE);
    private static final String COMPLETED = "CompleteAttachmentUpload -> 200";
    private static final String DOC_BROKER_URL = "tcp://localhost:61616";
    private static final Pattern ARTEMIS = Pattern.compile("^artemis: (tcp://127\\.0\\.0\\.1:\\d+)$");
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

    @Test
    void theExamplesJmsCommandRunsTheQueueRouteOnTheBrokersAndTheSimulator() throws Exception {
        String examples = Files.readString(ROOT.resolve("examples/README.md"));
        // the brokers as that README starts them, Artemis alone, on a port of the system's choosing (61616 may be
        // taken here) and with its data in the work folder
        String brokers = bashBlock(section(examples, "Brokers to try", "A JMS queue")).lines().findFirst().orElseThrow()
                .replaceAll("\\s+#.*$", "");
        assertEquals("mvn -q compile exec:exec@brokers", brokers);
        String brokerUrl = startAndRead(brokers + " -Dbrokers.args=\"--artemis --any-port --data " + work.resolve(
                "brokers") + "\"", ARTEMIS, "the brokers' start line", new StringBuffer()).call();
        // then the simulator (one after the other: each command is a Maven build of the same folder first)
        String simulator = bashBlock(section(examples, "Against the simulator", "\n\nBrokers")).lines()
                .filter(line -> SIMULATOR.matcher(line).matches()).findFirst().orElseThrow();
        StringBuffer calls = new StringBuffer();
        String baseUrl = startAndRead(simulator.replace("--port 8089", "--port 0"), LISTENING,
                "the simulator's start line", calls).call();

        // the JMS route's command as written, pointed at these two: the broker's URL, and the simulator's URL added
        String camelRun = bashBlock(section(examples, "A JMS queue to the service", "(`participant.connection.token`"))
                .replace("\\\n", " ").strip();
        assertTrue(camelRun.startsWith("camel run routes/queue-to-connectparticipant.yaml "), camelRun);
        assertTrue(camelRun.contains("brokerURL=" + DOC_BROKER_URL), camelRun);
        String queue = property(camelRun, "queue.name");
        String deadLetters = property(camelRun, "queue.deadLetterName");
        Files.createDirectories(work.resolve("routes"));
        Files.copy(ROOT.resolve("routes/queue-to-connectparticipant.yaml"),
                work.resolve("routes/queue-to-connectparticipant.yaml"));

        ConnectionFactory factory = new ActiveMQConnectionFactory(brokerUrl);
        try (JMSContext jms = factory.createContext()) {
            // a message carries its own token, as the README says
            jms.createProducer().send(jms.createQueue(queue),
                    "{\"AttachmentIds\":[\"jms-1\",\"jms-2\"],\"ConnectionToken\":\"" + TOKEN + "\"}");
        }
        Process camel = camelRun(camelRun.replace(DOC_BROKER_URL, brokerUrl) + " --prop=participant.url=" + baseUrl);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        // until the simulator answered the completion (it logs each call) and the queue shows nothing (a message the
        // route holds is not browsed), or the message was dead-lettered
        while (!(calls.toString().contains(COMPLETED) && messagesOn(factory, queue) == 0)
                && messagesOn(factory, deadLetters) == 0 && camel.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        // stopped as Ctrl-C stops it: Camel lets the message it holds finish (its transaction commits or, left open,
        // puts the message back on the queue)
        camel.destroy();
        assertTrue(camel.waitFor(60, TimeUnit.SECONDS), "camel run stops on SIGTERM");
        String log = Files.readString(work.resolve("camel.log"));
        assertTrue(calls.toString().contains(COMPLETED), "the simulator completed the ids: " + calls + log);
        assertEquals(0, messagesOn(factory, queue), "the message was taken and completed: " + log);
        assertEquals(0, messagesOn(factory, deadLetters), "nothing dead-lettered: " + log);
        assertFalse(log.contains(TOKEN), "the token in Camel JBang's output: " + log);
        assertFalse(log.contains("Additional files added to classpath"), log);
    }

    /** The messages a queue holds, browsed. */
    private static int messagesOn(ConnectionFactory factory, String queue) throws JMSException {
        try (JMSContext jms = factory.createContext()) {
            return Collections.list(jms.createBrowser(jms.createQueue(queue)).getEnumeration()).size();
        }
    }

    /** The value a {@code --prop=name=value} of a command gives. */
    private static String property(String command, String name) {
        Matcher property = Pattern.compile("--prop=" + Pattern.quote(name) + "=(\\S+)").matcher(command);
        assertTrue(property.find(), name + " in " + command);
        return property.group(1);
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

        Process camel = camelRun(camelRun.replace(DOC_URL, baseUrl));

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

    /**
     * Runs a {@code camel run} command in the work folder, {@code camel} being Camel JBang's entry point, its output
     * in camel.log there.
     */
    private Process camelRun(String command) throws IOException {
        String launcher = ProcessHandle.current().info().command().orElse("java") + " -cp "
                + System.getProperty("java.class.path") + " main.CamelJBang";
        Process camel = new ProcessBuilder("bash", "-c", command.replaceFirst("^camel ", launcher + " "))
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(work.resolve("camel.log").toFile())
                .start();
        started.add(camel);
        return camel;
    }

    /** Runs the simulator's command in the repository's root and returns the URL its start line gives. */
    private String startSimulator(String command) throws Exception {
        return startAndRead(command, LISTENING, "the simulator's start line", new StringBuffer()).call();
    }

    /**
     * Runs a command in the repository's root and reads its output to the end (so that it never blocks on a full
     * pipe) into {@code output}; the first group of the first line that matches, once it came (and the assertion that
     * it did).
     */
    private Callable<String> startAndRead(String command, Pattern wanted, String what, StringBuffer output)
            throws IOException {
        Process process = new ProcessBuilder("bash", "-c", command).directory(ROOT.toFile())
                .redirectErrorStream(true).start();
        started.add(process);
        StringBuilder seen = new StringBuilder();
        CompletableFuture<String> found = new CompletableFuture<>();
        CompletableFuture.runAsync(() -> {
            try (var lines = process.inputReader(StandardCharsets.UTF_8)) {
                String line;
                while ((line = lines.readLine()) != null) {
                    Matcher matcher = wanted.matcher(line);
                    output.append(line).append('\n');
                    if (!found.isDone()) {
                        seen.append(line).append('\n');
                    }
                    if (matcher.find()) {
                        found.complete(matcher.group(1));
                    }
                }
            } catch (IOException e) {
                // the process stopped
            }
            found.complete(null);
        });
        return () -> {
            String value = found.get(3, TimeUnit.MINUTES);
            assertTrue(value != null, what + ": " + seen);
            return value;
        };
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
