package io.github.connectparticipant.demo;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo's own configuration (examples/demo.properties, routes/*.yaml, the sample in examples/) run to its summary,
 * in a work folder of its own.
 */
class DemoTest {

    /** The demo's configuration, working in a folder of the test's own. */
    static Properties workingUnder(String workFolder) {
        Properties overrides = new Properties();
        overrides.setProperty("demo.workFolder", workFolder);
        overrides.setProperty("inbox.folder", workFolder + "/inbox");
        overrides.setProperty("outbox.folder", workFolder + "/outbox");
        return overrides;
    }

    @Test
    void runsTheSampleToItsSummary() throws Exception {
        Properties overrides = workingUnder("target/demo-test");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        DemoSummary summary;
        try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            summary = new Demo(DemoSettings.load(DemoSettings.DEFAULT_CONFIG, overrides), out).run();
        }
        String output = printed.toString(StandardCharsets.UTF_8);

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
        assertEquals(Map.of(
                "ValidationException (HTTP 400)", 3,
                "ValidationException (invalid input, not sent)", 6,
                "AccessDeniedException (HTTP 403)", 2,
                "InternalServerException (HTTP 500)", 1), summary.deadLettersByReason(), output);
        assertTrue(output.contains("connectparticipant demo: summary"), output);
        assertTrue(output.contains("lost           0"), output);
    }

    @Test
    void runsTheQueueSampleThroughKafkaWhenAsked() throws Exception {
        Properties overrides = workingUnder("target/demo-kafka-test");
        overrides.setProperty("demo.kafka", "true");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        DemoSummary summary;
        try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            summary = new Demo(DemoSettings.load(DemoSettings.DEFAULT_CONFIG, overrides), out).run();
        }
        String output = printed.toString(StandardCharsets.UTF_8);

        assertTrue(output.contains("embedded Kafka at"), output);
        assertTrue(summary.drained(), output);
        assertEquals(0, summary.lost(), output);
        assertEquals(7 + 200, summary.completedMessages(), "the queue's sample through Kafka, the backlog: " + output);
        assertEquals(Map.of(
                "ValidationException (HTTP 400)", 3,
                "ValidationException (invalid input, not sent)", 6,
                "AccessDeniedException (HTTP 403)", 2,
                "InternalServerException (HTTP 500)", 1), summary.deadLettersByReason(), output);
    }
}
