package io.github.connectparticipant.demo;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The demo's settings from examples/demo.properties, where an override of the same name (a JVM system property
 * when run from the command line) wins; the overrides go to Camel too.
 */
record DemoSettings(Path configFile, Properties overrides, Path workFolder, Path inbox, Path examplesInbox,
        Path examplesQueue,
        Path outbox, Path examplesOutbox, Path examplesChat, String chatQueueName, String chatDeadLetterQueueName,
        String chatIncomingQueueName, boolean agentEcho, String participantToken, boolean kafka, String kafkaTopic,
        String kafkaDeadLetterTopic, String kafkaGroup,
        boolean sqs, String sqsQueue, String sqsDeadLetterQueue,
        String queueName, String deadLetterQueueName, String connectionToken, boolean embeddedSimulator,
        boolean embeddedBroker, String brokerUrl, boolean keepRunning, long timeoutSeconds,
        String refusedIds, Map<String, Integer> throttledIds, Map<String, Integer> failingIds, double quota,
        int backlogMessages) {

    static final Path DEFAULT_CONFIG = Path.of("examples", "demo.properties");

    /** The names a -D may set besides those in the file: the demo's, the routes' and Camel's own. */
    private static final Pattern OVERRIDABLE = Pattern
            .compile("(demo|participant|inbox|outbox|queue|chat|redelivery|camel|sqs)\\.");

    static DemoSettings load(Path configFile, Properties candidates) throws IOException {
        Properties file = new Properties();
        try (Reader in = Files.newBufferedReader(configFile)) {
            file.load(in);
        }
        Properties overrides = new Properties();
        for (String name : candidates.stringPropertyNames()) {
            if (file.containsKey(name) || OVERRIDABLE.matcher(name).lookingAt()) {
                overrides.setProperty(name, candidates.getProperty(name));
            }
        }
        Properties merged = new Properties();
        merged.putAll(file);
        merged.putAll(overrides);
        return new DemoSettings(configFile, overrides,
                Path.of(merged.getProperty("demo.workFolder", "target/demo")),
                Path.of(merged.getProperty("inbox.folder", "target/demo/inbox")),
                Path.of(merged.getProperty("demo.examples.inbox", "examples/inbox")),
                Path.of(merged.getProperty("demo.examples.queue", "examples/queue")),
                Path.of(merged.getProperty("outbox.folder", "target/demo/outbox")),
                Path.of(merged.getProperty("demo.examples.outbox", "examples/outbox")),
                Path.of(merged.getProperty("demo.examples.chat", "examples/chat")),
                merged.getProperty("chat.queue.name", "chat"),
                merged.getProperty("chat.queue.deadLetterName", "chat.DLQ"),
                merged.getProperty("chat.incoming.name", "chat.incoming"),
                Boolean.parseBoolean(merged.getProperty("demo.simulator.agentEcho", "true")),
                merged.getProperty("participant.token"),
                Boolean.parseBoolean(merged.getProperty("demo.kafka", "false")),
                merged.getProperty("kafka.topic", "attachments"),
                merged.getProperty("kafka.deadLetterTopic", "attachments.DLT"),
                merged.getProperty("kafka.groupId", "connectparticipant"),
                Boolean.parseBoolean(merged.getProperty("demo.sqs", "false")),
                merged.getProperty("sqs.queue", "attachments"),
                merged.getProperty("sqs.deadLetterQueue", "attachments-dlq"),
                merged.getProperty("queue.name", "attachments"),
                merged.getProperty("queue.deadLetterName", "attachments.DLQ"),
                merged.getProperty("participant.connection.token"),
                Boolean.parseBoolean(merged.getProperty("demo.simulator.embedded", "true")),
                Boolean.parseBoolean(merged.getProperty("demo.broker.embedded", "true")),
                merged.getProperty("camel.beans.artemis.brokerURL", "vm://0"),
                Boolean.parseBoolean(merged.getProperty("demo.keepRunning", "false")),
                Long.parseLong(merged.getProperty("demo.timeoutSeconds", "120")),
                merged.getProperty("demo.simulator.refuse", ""),
                counts(merged.getProperty("demo.simulator.throttle", "")),
                counts(merged.getProperty("demo.simulator.fail", "")),
                Double.parseDouble(merged.getProperty("demo.simulator.quota", "0")),
                Integer.parseInt(merged.getProperty("demo.backlog.messages", "0")));
    }

    /** "id:n,id:n" into a map. */
    private static Map<String, Integer> counts(String spec) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            String trimmed = entry.strip();
            if (!trimmed.isEmpty()) {
                int colon = trimmed.lastIndexOf(':');
                counts.put(trimmed.substring(0, colon), Integer.parseInt(trimmed.substring(colon + 1)));
            }
        }
        return counts;
    }
}
