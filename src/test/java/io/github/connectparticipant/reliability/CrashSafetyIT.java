package io.github.connectparticipant.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.connectparticipant.demo.EmbeddedBroker;
import io.github.connectparticipant.simulator.FaultRates;
import io.github.connectparticipant.simulator.Ledger;
import io.github.connectparticipant.simulator.ParticipantServiceSimulator;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two consumer JVMs on one Artemis broker in a JVM of its own; one consumer is killed with SIGKILL while messages are
 * in flight and the survivor drains the queue. Then the survivor is stopped, more messages queue up with no consumer
 * running, and the killed consumer, restarted, must deliver them alone. Nothing may be lost, and each id must be
 * completed under a single client token. Each phase waits for a state, never for a race, so it passes on a slow
 * machine as on a fast one.
 */
class CrashSafetyIT extends MultiJvmTestSupport {

    static final int MESSAGES = 400;
    static final int QUEUED_WHILE_DOWN = 100;
    /** Each consumer JVM's concurrent consumers: the killed one's transactions left at most this many uncommitted. */
    static final int CONSUMERS_IN_FLIGHT = 4;
    static final String TOKEN = "crash-token";

    CrashSafetyIT() {
        super("crash-safety");
    }

    @Test
    void aKilledConsumerLosesNothingAndARestartedOnePicksUp() throws Exception {
        simulator = ParticipantServiceSimulator.start(0).acceptConnectionTokens(TOKEN);
        // every call takes a while, so that each consumer always has messages in flight
        simulator.faults().rates(new FaultRates(0, 0, 0, 0, 0, 1.0, Duration.ofMillis(60), 1));
        String brokerUrl = processes.startBroker("broker", work.resolve("broker"));
        Process first = startConsumer("consumer-a", brokerUrl);
        Process second = startConsumer("consumer-b", brokerUrl);

        // phase 1: a consumer dies mid-stream; the survivor drains the queue, its in-flight messages included
        send(brokerUrl, 0, MESSAGES);
        awaitCompleted(MESSAGES / 4);
        int completedAtKill = simulator.ledger().completed().size();
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertTrue(completedAtKill < MESSAGES, "killed while messages were in flight");
        awaitCompleted(MESSAGES);
        // the dead consumer's uncommitted messages count until the broker has seen its connection go and the survivor
        // has repeated them
        awaitEmpty(brokerUrl, "attachments");

        // phase 2: with the survivor stopped, work queues up; the restarted consumer must pick it up alone
        second.destroy();
        assertTrue(second.waitFor(60, TimeUnit.SECONDS), "the other consumer stops gracefully");
        send(brokerUrl, MESSAGES, MESSAGES + QUEUED_WHILE_DOWN);
        assertEquals(QUEUED_WHILE_DOWN, browse(brokerUrl, "attachments"), "no consumer left running");
        startConsumer("consumer-a-restarted", brokerUrl);
        // the only consumer now running is the restarted one, so these complete only if it picks up
        awaitCompleted(MESSAGES + QUEUED_WHILE_DOWN);
        awaitEmpty(brokerUrl, "attachments");

        Ledger ledger = simulator.ledger();
        for (int i = 0; i < MESSAGES + QUEUED_WHILE_DOWN; i++) {
            String id = id(i);
            assertTrue(ledger.isCompleted(id), id + " lost");
            assertEquals(1, ledger.clientTokensFor(id).size(), id + ": completed under one client token");
        }
        assertEquals(0, ledger.calls().stream().filter(c -> c.status() == 409).count(), "no conflicting repeats");
        // every call beyond one an id repeats a call the crash left uncommitted, under the id's one token (above)
        long repeats = ledger.callCount() - (MESSAGES + QUEUED_WHILE_DOWN);
        assertTrue(repeats >= 0 && repeats <= CONSUMERS_IN_FLIGHT,
                "at most one repeat a message in flight at the kill: " + repeats);
        assertEquals(0, browse(brokerUrl, "attachments.DLQ"), "nothing dead-lettered");
        assertEquals(0, browse(brokerUrl, EmbeddedBroker.BROKER_DEAD_LETTER_ADDRESS), "nothing given up by the broker");
        int total = MESSAGES + QUEUED_WHILE_DOWN;
        Map<String, String> figures = new LinkedHashMap<>();
        figures.put("messages", Integer.toString(total));
        figures.put("killedAtCompleted", Integer.toString(completedAtKill));
        figures.put("queuedWhileNoConsumerRan", Integer.toString(QUEUED_WHILE_DOWN));
        figures.put("calls", Integer.toString(ledger.callCount()));
        figures.put("repeatedCalls", Long.toString(repeats));
        figures.put("lost", "0");
        figures.put("idsWithMoreThanOneToken", "0");
        ReliabilityReport.write("crash-safety", figures);
    }

    private Process startConsumer(String name, String brokerUrl) throws Exception {
        return processes.start(name, "STARTED", QueueConsumerProcess.class, simulator.baseUrl(), TOKEN, brokerUrl,
                Integer.toString(CONSUMERS_IN_FLIGHT));
    }

    private static void send(String brokerUrl, int from, int to) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = from; i < to; i++) {
            ids.add(id(i));
        }
        JvmProcesses.send(brokerUrl, "attachments", ids);
    }

    private static String id(int i) {
        return String.format("crash-%04d", i);
    }

    private static void awaitEmpty(String brokerUrl, String queue) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        int left;
        while ((left = browse(brokerUrl, queue)) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(0, left, queue + " drained");
    }

    private static int browse(String brokerUrl, String queue) throws Exception {
        return JvmProcesses.browse(brokerUrl, queue);
    }
}
