package io.github.connectparticipant.sqs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.connectparticipant.demo.EmbeddedSqs;
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
 * The SQS route in a consumer JVM of its own, killed with SIGKILL while messages are in flight and restarted: the
 * messages it had not deleted become visible again after the visibility timeout (30 s, the route's default), and their
 * calls repeat with the same client tokens (derived from the SQS message id). Nothing may be lost, no id completed
 * under two tokens.
 */
class SqsCrashSafetyIT extends MultiJvmTestSupport {

    static final int MESSAGES = 300;
    /** SqsConsumerProcess's consumers, one message a poll, deleted after it: at most this many undeleted calls. */
    static final int CONSUMERS_IN_FLIGHT = 2;
    static final String TOKEN = "sqs-crash-token";

    private EmbeddedSqs sqs;

    SqsCrashSafetyIT() {
        super("sqs-crash-safety");
    }

    @AfterEach
    void stopSqs() {
        if (sqs != null) {
            sqs.close();
        }
    }

    @Test
    void aKilledConsumerLosesNothingAndTheRestartedOneRepeatsWithTheSameTokens() throws Exception {
        simulator = ParticipantServiceSimulator.start(0).acceptConnectionTokens(TOKEN);
        // every call takes a while, so that messages are always in flight
        simulator.faults().rates(new FaultRates(0, 0, 0, 0, 0, 1.0, Duration.ofMillis(40), 1));
        sqs = EmbeddedSqs.start();
        sqs.createQueues(30, "attachments", "attachments-dlq");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            ids.add(String.format("sqscrash-%04d", i));
        }
        sqs.send("attachments", ids);

        Process consumer = startConsumer("consumer");
        awaitCompleted(MESSAGES / 4);
        int completedAtKill = simulator.ledger().completed().size();
        consumer.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertTrue(completedAtKill < MESSAGES, "killed while messages were left");
        startConsumer("consumer-restarted");
        awaitCompleted(MESSAGES);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (sqs.depth("attachments") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }

        Ledger ledger = simulator.ledger();
        for (String id : ids) {
            assertTrue(ledger.isCompleted(id), id + " lost");
            assertEquals(1, ledger.clientTokensFor(id).size(), id + ": one client token across the crash");
        }
        assertEquals(0, ledger.calls().stream().filter(c -> c.status() == 409).count(), "no conflicting repeats");
        // every call beyond one an id repeats a call the crash left undeleted, under the id's one token (above)
        long repeats = ledger.callCount() - MESSAGES;
        assertTrue(repeats >= 0 && repeats <= CONSUMERS_IN_FLIGHT,
                "at most one repeat a message in flight at the kill: " + repeats);
        assertEquals(0, sqs.depth("attachments"), "every message deleted");
        assertEquals(0, sqs.drain("attachments-dlq").size(), "nothing dead-lettered");
        ReliabilityReport.write("sqs-crash-safety", "messages", MESSAGES, "killedAtCompleted", completedAtKill,
                "calls", ledger.callCount(), "repeatedCalls", repeats, "lost", 0, "idsWithMoreThanOneToken", 0);
    }

    private Process startConsumer(String name) throws Exception {
        return processes.start(name, "STARTED", SqsConsumerProcess.class, simulator.baseUrl(), TOKEN,
                sqs.endpoint());
    }
}
