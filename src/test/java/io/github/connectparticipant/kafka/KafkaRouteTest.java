package io.github.connectparticipant.kafka;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import io.github.connectparticipant.camel.ConnectParticipantFailureHeaders;
import io.github.connectparticipant.demo.Brokers;
import io.github.connectparticipant.demo.KafkaTopics;
import io.github.connectparticipant.reliability.JvmProcesses;
import io.github.connectparticipant.routes.RouteTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * routes/kafka-to-connectparticipant.yaml, as shipped, against the simulator and a real single-node Kafka: good
 * records completed, refused and malformed ones in the dead-letter topic with their reason in Kafka headers, the
 * group's offsets at the end. The broker runs in a JVM of its own ({@link Brokers}), so that this test also runs on a
 * newer Camel, whose Kafka client is not the broker's (the compatibility build names the broker's class path in
 * {@value #BROKERS_CLASSPATH_FILE}).
 */
class KafkaRouteTest extends RouteTestSupport {

    /** A file that holds the class path of the brokers' JVM; the test's own class path when not set. */
    static final String BROKERS_CLASSPATH_FILE = "connectparticipant.brokers.classpathFile";
    static final String TOPIC = "attachments";
    static final String DEAD_LETTER_TOPIC = "attachments.DLT";

    static JvmProcesses processes = new JvmProcesses("kafka-route");
    static KafkaTopics kafka;

    @BeforeAll
    static void startKafka() throws Exception {
        processes.start("brokers", Brokers.READY, brokersClasspath(), Brokers.class.getName(), "--kafka");
        String bootstrapServers = processes.output("brokers").lines().filter(line -> line.startsWith(Brokers.KAFKA))
                .findFirst().orElseThrow().substring(Brokers.KAFKA.length()).trim();
        kafka = new KafkaTopics(bootstrapServers);
        kafka.create(1, TOPIC, DEAD_LETTER_TOPIC);
    }

    private static String brokersClasspath() throws Exception {
        String file = System.getProperty(BROKERS_CLASSPATH_FILE);
        return file == null
                ? JvmProcesses.classpath()
                : Path.of("target", "classes").toAbsolutePath() + File.pathSeparator
                        + Files.readString(Path.of(file)).trim();
    }

    @AfterAll
    static void stopKafka() {
        processes.close();
    }

    @Override
    protected String routeFile() {
        return "kafka-to-connectparticipant.yaml";
    }

    @Override
    protected void configure(Properties properties) {
        properties.setProperty("kafka.brokers", kafka.bootstrapServers());
    }

    @Test
    void completesGoodRecordsAndDeadLettersTheRestWithTheirReason() throws Exception {
        simulator.refuseAttachmentIds("k-bad");
        kafka.send(TOPIC, List.of("[\"k-1\",\"k-2\"]", "k-3", "k-bad", "{\"AttachmentIds\":["));

        long deadline = System.nanoTime() + 60_000_000_000L;
        while (kafka.committed("connectparticipant", TOPIC) < 4 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(4, kafka.committed("connectparticipant", TOPIC), "every record's offset committed");

        for (String id : List.of("k-1", "k-2", "k-3")) {
            assertTrue(simulator.ledger().isCompleted(id), id);
            assertEquals(1, simulator.ledger().clientTokensFor(id).size(), id);
        }
        assertFalse(simulator.ledger().isCompleted("k-bad"));
        List<Map<String, String>> deadLetters = kafka.readAll(DEAD_LETTER_TOPIC);
        Map<String, String> errorByValue = deadLetters.stream().collect(Collectors.toMap(
                record -> record.get("value"), record -> record.get(ConnectParticipantFailureHeaders.ERROR_CODE)));
        assertEquals(Map.of("k-bad", "ValidationException", "{\"AttachmentIds\":[", "ValidationException"),
                errorByValue, "the refused id and the malformed record, once each: " + deadLetters);
        Map<String, String> refused = deadLetters.stream().filter(record -> "k-bad".equals(record.get("value")))
                .findFirst().orElseThrow();
        assertEquals("400", refused.get(ConnectParticipantFailureHeaders.STATUS_CODE));
        assertEquals("false", refused.get(ConnectParticipantFailureHeaders.RETRYABLE));
        assertEquals("k-bad", refused.get(ConnectParticipantFailureHeaders.FAILED_ATTACHMENT_IDS));
    }
}
