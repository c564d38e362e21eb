package io.github.connectparticipant.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.connectparticipant.demo.EmbeddedKafka;
import io.github.connectparticipant.reliability.MultiJvmTestSupport;
import io.github.connectparticipant.reliability.ReliabilityReport;
import io.github.connectparticipant.simulator.FaultRates;
import io.github.connectparticipant.simulator.Ledger;
import io.github.connectparticipant.simulator.ParticipantServiceSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kafka route in a consumer JVM of its own, killed with SIGKILL while records are in flight and restarted: the
 * records it had not committed are read again, and their calls repeat with the same client tokens. Nothing may be
 * lost, no id completed under two tokens.
 */
class KafkaCrashSafetyIT extends MultiJvmTestSupport {

    static final int RECORDS = 300;
    /** KafkaConsumerProcess's consumers, one record a poll, committed after it: at most this many uncommitted calls. */
    static final int CONSUMERS_IN_FLIGHT = 2;
    static final String TOKEN = "kafka-crash-token";

    private EmbeddedKafka kafka;

    KafkaCrashSafetyIT() {
        super("kafka-crash-safety");
    }

    @AfterEach
    void stopKafka() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void aKilledConsumerLosesNothingAndTheRestartedOneRepeatsWithTheSameTokens() throws Exception {
        simulator = ParticipantServiceSimulator.start(0).acceptConnectionTokens(TOKEN);
        // every call takes a while, so that records are always in flight
        simulator.faults().rates(new FaultRates(0, 0, 0, 0, 0, 1.0, Duration.ofMillis(40), 1));
        kafka = EmbeddedKafka.start();
        kafka.createTopics(4, "attachments", "attachments.DLT");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            ids.add(String.format("kcrash-%04d", i));
        }
        kafka.send("attachments", ids);

        Process consumer = startConsumer("consumer");
        awaitCompleted(RECORDS / 4);
        int completedAtKill = simulator.ledger().completed().size();
        consumer.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertTrue(completedAtKill < RECORDS, "killed while records were left");
        startConsumer("consumer-restarted");
        awaitCompleted(RECORDS);

        Ledger ledger = simulator.ledger();
        for (String id : ids) {
            assertTrue(ledger.isCompleted(id), id + " lost");
            assertEquals(1, ledger.clientTokensFor(id).size(), id + ": one client token across the crash");
        }
        assertEquals(0, ledger.calls().stream().filter(c -> c.status() == 409).count(), "no conflicting repeats");
        // every call beyond one an id repeats a call the crash left uncommitted, under the id's one token (above)
        long repeats = ledger.callCount() - (RECORDS);
        assertTrue(repeats >= 0 && repeats <= CONSUMERS_IN_FLIGHT,
                "at most one repeat a record in flight at the kill: " + repeats);
        ReliabilityReport.write("kafka-crash-safety", "records", RECORDS, "killedAtCompleted", completedAtKill,
                "calls", ledger.callCount(), "repeatedCalls", ledger.callCount() - RECORDS, "lost", 0,
                "idsWithMoreThanOneToken", 0);
    }

    private Process startConsumer(String name) throws Exception {
        return processes.start(name, "STARTED", KafkaConsumerProcess.class, simulator.baseUrl(), TOKEN,
                kafka.bootstrapServers());
    }
}
