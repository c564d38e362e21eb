package io.github.connectparticipant.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo's own configuration (examples/demo.properties, routes/*.yaml, the sample in examples/) run to its summary,
 * in a work folder of its own.
 */
@NeedsEmbeddedBroker
class DemoTest {

    /** The demo's configuration, working in a folder of the test's own. */
    static Properties workingUnder(String workFolder) {
        Properties overrides = new Properties();
        overrides.setProperty("demo.workFolder", workFolder);
        overrides.setProperty("inbox.folder", workFolder + "/inbox");
        overrides.setProperty("outbox.folder", workFolder + "/outbox");
        return overrides;
    }

    /** What a run of the demo printed, and its summary. */
    private record DemoRun(DemoSummary summary, String output) {
    }

    /** Runs the demo with its own configuration, working under this folder, with these settings on top. */
    private static DemoRun run(String workFolder, String... settings) throws Exception {
        Properties overrides = workingUnder(workFolder);
        for (int i = 0; i < settings.length; i += 2) {
            overrides.setProperty(settings[i], settings[i + 1]);
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        DemoSummary summary;
        try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            summary = new Demo(DemoSettings.load(DemoSettings.DEFAULT_CONFIG, overrides), out).run();
        }
        return new DemoRun(summary, printed.toString(StandardCharsets.UTF_8));
    }

    @Test
    void runsTheSampleToItsSummary() throws Exception {
        DemoRun run = run("target/demo-test");
        DemoSummary summary = run.summary();
        String output = run.output();

        assertTrue(summary.drained(), output);
        assertEquals(0, summary.lost(), output);
        assertEquals(7 + 200, summary.completedMessages(), "the sample and the backlog: " + output);
        assertEquals(11 + 200, summary.completedAttachments(), output);
        assertEquals(0, summary.backlogDeadLettered(), "a backlog that meets the quota waits: " + output);
        // the sample's scripted throttles (examples/demo.properties): each throttled call went again with no attempt
        // used (att-1401's four throttles are more than its three attempts), completed; the backlog's quota may have
        // throttled them once more
        assertTrue(summary.attemptsOf("att-1003") >= 2 + 1, output);
        assertTrue(summary.attemptsOf("att-1401") >= 4 + 1, output);
        assertTrue(summary.attemptsOf("att-2004") >= 1 + 1, output);
        assertTrue(summary.throttledAttempts() >= 7, "the scripted throttles, and the backlog's quota: " + output);
        assertTrue(summary.callsByOutcome().get("success") >= 7 + 200, "the meters counted the calls: " + output);
        assertTrue(output.contains("CompleteAttachmentUpload") && output.contains(" ms ("), "p50/p99: " + output);
        assertTrue(summary.retriedAttachments() > 0, "throttled calls went again: " + output);
        assertEquals(3, summary.sentFiles(), "the png, the pdf and the txt of examples/outbox");
        assertEquals(2, summary.sentChatMessages(), "examples/chat: two of three participants are known");
        // the echo bot: the simulator's agent answered both, and the chat consumer (routes/chat-to-queue.yaml) put
        // each answer on the incoming queue once, in order, with what it is; the participant's own messages left out
        assertEquals(List.of(
                new DemoSummary.ChatAnswer("AGENT", "MESSAGE", "You said: Welcome back! Your order 1042 is confirmed."),
                new DemoSummary.ChatAnswer("AGENT", "MESSAGE",
                        "You said: Your parcel is **on its way**: it arrives tomorrow.")),
                summary.chatAnswers(), output);
        assertTrue(output.contains("chat items     2 received from the chat by route chat-to-queue"), output);
        assertEquals(Map.of(
                "ValidationException (HTTP 400)", 3,
                "ValidationException (invalid input, not sent)", 6,
                "AccessDeniedException (HTTP 403)", 2,
                "InternalServerException (HTTP 500)", 1), summary.deadLettersByReason(), output);
        assertTrue(output.contains("connectparticipant demo: summary"), output);
        // each kind of input adds up to what became of it, and where to see it after exit
        assertEquals(List.of(
                figures("files of ids", 8, 4, 4), figures("queue messages", 7, 3, 4),
                figures("backlog messages", 200, 200, 0), figures("files to attach", 6, 3, 3),
                figures("chat messages", 3, 2, 1)), figuresOf(summary), output);
        assertTrue(output.contains("output                 224 = 212 completed or sent + 12 dead-lettered + 0 lost"),
                output);
        assertEquals(summaryLabels(Files.readString(Path.of("docs/demo.md"))), summaryLabels(output),
                "docs/demo.md's sample summary has the lines the demo prints: " + output);
        assertTrue(output.startsWith("demo: the sample, seeded once the routes have started: 8 files of ids"),
                "the seeding line first: " + output);
        String firstProgress = output.lines().filter(line -> line.startsWith("demo: left")).findFirst().orElseThrow();
        assertFalse(firstProgress.contains(" 0 queue messages"),
                "the backlog is still queued half a second after seeding; a browse missed it: " + firstProgress);
        // the dead letters outlive the embedded broker, their tokens masked
        Path deadLetters = Path.of("target/demo-test/dead-letters");
        assertEquals(4, filesIn(deadLetters.resolve("attachments.DLQ")), output);
        assertEquals(1, filesIn(deadLetters.resolve("chat.DLQ")), output);
        String expiredTokenDeadLetter = readAll(deadLetters.resolve("attachments.DLQ"));
        assertTrue(expiredTokenDeadLetter.contains("AccessDeniedException"), expiredTokenDeadLetter);
        assertFalse(expiredTokenDeadLetter.contains("expired-connection-token"), expiredTokenDeadLetter);
    }

    /**
     * What each line of a printed summary is about: its words before the first figure (the figures change from run to
     * run, the lines do not).
     */
    private static List<String> summaryLabels(String text) {
        List<String> lines = text.lines().toList();
        int start = lines.indexOf(lines.stream().filter(line -> line.contains("connectparticipant demo: summary"))
                .findFirst().orElseThrow(() -> new AssertionError("no summary in: " + text)));
        List<String> labels = new java.util.ArrayList<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("=====")) {
                break;
            }
            String label = line.split("[0-9]", 2)[0].strip();
            if (!label.isEmpty()) {
                labels.add(label);
            }
        }
        return labels;
    }

    private static List<String> figures(String what, int seeded, int done, int deadLettered) {
        return List.of(what, Integer.toString(seeded), Integer.toString(done), Integer.toString(deadLettered));
    }

    private static List<List<String>> figuresOf(DemoSummary summary) {
        return summary.inputs().stream().map(input -> figures(input.what(), input.seeded(), input.done(),
                input.deadLettered())).toList();
    }

    private static long filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }

    private static String readAll(Path folder) throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                text.append(Files.readString(file));
            }
        }
        return text.toString();
    }

    @Test
    void runsTheQueueSampleThroughKafkaWhenAsked() throws Exception {
        DemoRun run = run("target/demo-kafka-test", "demo.kafka", "true");
        DemoSummary summary = run.summary();
        String output = run.output();

        assertTrue(output.contains("embedded Kafka at"), output);
        assertTrue(summary.drained(), output);
        assertEquals(0, summary.lost(), output);
        assertEquals(7 + 200, summary.completedMessages(), "the queue's sample through Kafka, the backlog: " + output);
        assertEquals(List.of(
                figures("files of ids", 8, 4, 4), figures("topic records", 7, 3, 4),
                figures("backlog messages", 200, 200, 0), figures("files to attach", 6, 3, 3),
                figures("chat messages", 3, 2, 1)), figuresOf(summary), output);
        assertTrue(output.contains("target/demo-kafka-test/dead-letters/attachments.DLT"), output);
        assertEquals(4, filesIn(Path.of("target/demo-kafka-test/dead-letters/attachments.DLT")), output);
        assertEquals(Map.of(
                "ValidationException (HTTP 400)", 3,
                "ValidationException (invalid input, not sent)", 6,
                "AccessDeniedException (HTTP 403)", 2,
                "InternalServerException (HTTP 500)", 1), summary.deadLettersByReason(), output);
    }

    @Test
    void runsTheQueueSampleThroughSqsWhenAsked() throws Exception {
        DemoRun run = run("target/demo-sqs-test", "demo.sqs", "true");
        DemoSummary summary = run.summary();
        String output = run.output();

        assertTrue(output.contains("embedded SQS server (ElasticMQ) at"), output);
        assertTrue(summary.drained(), output);
        assertEquals(0, summary.lost(), output);
        assertEquals(List.of(
                figures("files of ids", 8, 4, 4), figures("SQS messages", 7, 3, 4),
                figures("backlog messages", 200, 200, 0), figures("files to attach", 6, 3, 3),
                figures("chat messages", 3, 2, 1)), figuresOf(summary), output);
        assertEquals(Map.of(
                "ValidationException (HTTP 400)", 3,
                "ValidationException (invalid input, not sent)", 6,
                "AccessDeniedException (HTTP 403)", 2,
                "InternalServerException (HTTP 500)", 1), summary.deadLettersByReason(), output);
        Path deadLetters = Path.of("target/demo-sqs-test/dead-letters/attachments-dlq");
        assertEquals(4, filesIn(deadLetters), output);
        assertFalse(readAll(deadLetters).contains("expired-connection-token"), "tokens masked");
    }
}
