package io.github.connectparticipant.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import io.github.connectparticipant.camel.ConnectParticipantFailureHeaders;
import io.github.connectparticipant.demo.EmbeddedKafka;
import io.github.connectparticipant.reliability.CampaignOutcome;
import io.github.connectparticipant.reliability.ReliabilityReport;
import io.github.connectparticipant.routes.RouteTestSupport;
import io.github.connectparticipant.simulator.FaultRates;
import io.github.connectparticipant.simulator.Ledger;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * routes/kafka-to-connectparticipant.yaml, as shipped, on a real single-node Kafka: 1,000 records on a topic of four
 * partitions, four consumers, against a simulator that throttles what exceeds its quota and, whatever the rate,
 * injects at random 429s, 500s, 503s, dropped connections and slow answers, and refuses a known 5% of the ids; the
 * component's defaults but its response timeout. Every record must end completed or in the dead-letter topic (exactly
 * the refused ids, once each, with their reason in Kafka headers), every id under one client token, and the group's
 * offsets must reach the end of every partition.
 */
class KafkaFaultCampaignIT extends RouteTestSupport {

    static final int RECORDS = 1000;
    static final String TOPIC = "attachments";
    static final String DEAD_LETTER_TOPIC = "attachments.DLT";

    static final long RESPONSE_TIMEOUT = 400;
    /** The random faults, whatever the rate; the slow answers twice the response timeout. */
    static final FaultRates FAULTS = new FaultRates(0.10, 0, 0.10, 0.05, 0.05, 0.03,
            Duration.ofMillis(2 * RESPONSE_TIMEOUT), 20261127);

    static EmbeddedKafka kafka;
    static final Set<String> refused = new HashSet<>();
    /** Every dead letter in arrival order, its value and Kafka headers as text: one dead-lettered twice shows twice. */
    static final List<Map.Entry<String, Map<String, String>>> deadLetters = Collections
            .synchronizedList(new ArrayList<>());

    @BeforeAll
    static void startKafka() throws Exception {
        for (int i = 0; i < RECORDS; i += 20) {
            refused.add(id(i));
        }
        kafka = EmbeddedKafka.start();
        kafka.createTopics(4, TOPIC, DEAD_LETTER_TOPIC);
    }

    @AfterAll
    static void stopKafka() throws Exception {
        kafka.close();
    }

    static String id(int i) {
        return String.format("kafka-%04d", i);
    }

    @Override
    protected String routeFile() {
        return "kafka-to-connectparticipant.yaml";
    }

    @Override
    protected void configure(Properties properties) {
        properties.setProperty("kafka.brokers", kafka.bootstrapServers());
        properties.setProperty("kafka.consumers", "4");
        useShippedRedeliveryDelay(properties);
    }

    @Override
    protected void addAround(RouteBuilder builder) {
        // the component's defaults but the response timeout (30 s), so that the slow answers time out in a test's time
        useComponentDefaults(builder, RESPONSE_TIMEOUT);
        builder.from("kafka:" + DEAD_LETTER_TOPIC + "?brokers=" + kafka.bootstrapServers()
                + "&groupId=dead-letter-reader&autoOffsetReset=earliest")
                .process(e -> {
                    Map<String, String> headers = new ConcurrentHashMap<>();
                    e.getMessage().getHeaders().forEach((name, value) -> {
                        if (name.startsWith("ConnectParticipant")) {
                            headers.put(name, value instanceof byte[] bytes
                                    ? new String(bytes, StandardCharsets.UTF_8)
                                    : String.valueOf(value));
                        }
                    });
                    deadLetters.add(Map.entry(e.getMessage().getBody(String.class), headers));
                });
    }

    @Test
    void everyRecordEndsCompletedOrDeadLetteredOnceAndNoIdChangesItsToken() throws Exception {
        simulator.refuseAttachmentIds(refused);
        simulator.quota(50);
        simulator.faults().rates(FAULTS);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            ids.add(id(i));
        }
        long start = System.nanoTime();
        kafka.send(TOPIC, ids);
        Ledger ledger = simulator.ledger();
        long deadline = start + Duration.ofMinutes(4).toNanos();
        while (ledger.completed().size() + deadLetters.size() < RECORDS && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        Map<String, Map<String, String>> deadById = new HashMap<>();
        List<String> deadLetteredIds = new ArrayList<>();
        synchronized (deadLetters) {
            for (Map.Entry<String, Map<String, String>> dead : deadLetters) {
                deadLetteredIds.add(dead.getKey());
                deadById.put(dead.getKey(), dead.getValue());
            }
        }
        Map<String, Boolean> retryableByDeadId = new HashMap<>();
        deadById.forEach((id, dead) -> retryableByDeadId.put(id,
                Boolean.parseBoolean(dead.get(ConnectParticipantFailureHeaders.RETRYABLE))));
        CampaignOutcome outcome = CampaignOutcome.of(ids, ledger, retryableByDeadId, refused, RESPONSE_TIMEOUT);
        // the group's offsets reach the end of every partition: offsets start at 0, so their sum is the records sent
        long committed = kafka.committed("connectparticipant", TOPIC);
        long offsetsDeadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (committed < RECORDS && System.nanoTime() < offsetsDeadline) {
            Thread.sleep(200);
            committed = kafka.committed("connectparticipant", TOPIC);
        }
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("records", Integer.toString(RECORDS));
        figures.put("seconds", String.format("%.1f", seconds));
        figures.put("completed", Integer.toString(ledger.completed().size()));
        figures.put("deadLettered", Integer.toString(deadLetteredIds.size()));
        figures.put("committedOffsets", Long.toString(committed));
        figures.putAll(outcome.figures());
        ReliabilityReport.write("kafka-fault-campaign", figures);
        outcome.assertNothingLostOrDoubled();
        for (String id : refused) {
            Map<String, String> dead = deadById.get(id);
            assertTrue(dead != null, id + " refused, so dead-lettered");
            assertEquals("ValidationException", dead.get(ConnectParticipantFailureHeaders.ERROR_CODE), id);
            assertEquals("400", dead.get(ConnectParticipantFailureHeaders.STATUS_CODE), id);
        }
        Collections.sort(deadLetteredIds);
        assertEquals(new ArrayList<>(new TreeSet<>(refused)), deadLetteredIds,
                "exactly the refused ids dead-lettered, each once");
        outcome.assertFaultsInjectedAtTheirRates(FAULTS);
        assertEquals(RECORDS, committed, "the group's offsets at the end of every partition");
    }
}
