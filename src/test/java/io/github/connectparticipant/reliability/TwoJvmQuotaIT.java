package io.github.connectparticipant.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.github.connectparticipant.demo.EmbeddedBroker;
import io.github.connectparticipant.simulator.Ledger;
import io.github.connectparticipant.simulator.ParticipantServiceSimulator;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two consumer JVMs (separate processes, each routes/queue-to-connectparticipant.yaml with 8 consumers and the shipped
 * redelivery policy) drain one queue of an Artemis broker in a JVM of its own, against one quota of 10 calls a second
 * that they share without knowing of each other: each learns its share from the throttles it meets. No message may be
 * dead-lettered, few calls throttled, and neither JVM starved.
 */
class TwoJvmQuotaIT extends MultiJvmTestSupport {

    static final int MESSAGES = 400;
    static final double QUOTA = 10;
    static final String TOKEN_A = "two-jvm-token-a";
    static final String TOKEN_B = "two-jvm-token-b";

    TwoJvmQuotaIT() {
        super("two-jvm-quota");
    }

    @Test
    void twoJvmsShareOneQuotaFairlyWithNoDeadLetters() throws Exception {
        simulator = ParticipantServiceSimulator.start(0).acceptConnectionTokens(TOKEN_A, TOKEN_B);
        simulator.quota(QUOTA);
        String brokerUrl = processes.startBroker("broker", work.resolve("broker"));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            ids.add(String.format("two-jvm-%04d", i));
        }
        // both start at once; each has its own token, so that the ledger tells their calls apart. The backlog is
        // queued once both consume: a JVM that started seconds before the other (one JVM's start-up takes a few
        // seconds on a loaded machine) would be a late joiner, another scenario
        Process a = processes.launch("consumer-a", QueueConsumerProcess.class, simulator.baseUrl(), TOKEN_A, brokerUrl,
                "8", "1000");
        Process b = processes.launch("consumer-b", QueueConsumerProcess.class, simulator.baseUrl(), TOKEN_B, brokerUrl,
                "8", "1000");
        processes.awaitReady("consumer-a", a, "STARTED");
        processes.awaitReady("consumer-b", b, "STARTED");
        JvmProcesses.send(brokerUrl, "attachments", ids);
        long firstCall = System.nanoTime();
        long deadline = firstCall + Duration.ofMinutes(4).toNanos();
        Ledger ledger = simulator.ledger();
        while (ledger.completed().size() < MESSAGES && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        List<Ledger.Call> calls = ledger.calls();
        long start = calls.stream().mapToLong(Ledger.Call::arrivedNanos).min().orElse(firstCall);
        long end = calls.stream().filter(c -> c.status() == 200).mapToLong(Ledger.Call::answeredNanos).max()
                .orElse(System.nanoTime());
        double seconds = (end - start) / 1e9;
        double ideal = MESSAGES / QUOTA;
        int throttled = (int) calls.stream().filter(c -> c.status() == 429).count();
        long callsA = calls.stream().filter(c -> Ledger.caller(TOKEN_A).equals(c.caller())).count();
        long callsB = calls.stream().filter(c -> Ledger.caller(TOKEN_B).equals(c.caller())).count();
        double smallestShare = Math.min(callsA, callsB) / (double) calls.size();
        int deadLettered = JvmProcesses.browse(brokerUrl, "attachments.DLQ")
                + JvmProcesses.browse(brokerUrl, EmbeddedBroker.BROKER_DEAD_LETTER_ADDRESS);

        Map<String, String> report = new TreeMap<>();
        report.put("messages", Integer.toString(MESSAGES));
        report.put("jvms", "2");
        report.put("consumersPerJvm", "8");
        report.put("quotaPerSecond", Double.toString(QUOTA));
        report.put("seconds", String.format("%.1f", seconds));
        report.put("drainRatioToIdeal", String.format("%.2f", seconds / ideal));
        report.put("calls", Integer.toString(calls.size()));
        report.put("callsJvmA", Long.toString(callsA));
        report.put("callsJvmB", Long.toString(callsB));
        report.put("smallestShare", String.format("%.3f", smallestShare));
        report.put("throttled", Integer.toString(throttled));
        report.put("throttledShare", String.format("%.3f", throttled / (double) calls.size()));
        report.put("deadLettered", Integer.toString(deadLettered));
        ReliabilityReport.write("quota-two-jvms", report);

        for (String id : ids) {
            assertTrue(ledger.isCompleted(id), id + " lost");
            assertEquals(1, ledger.clientTokensFor(id).size(), id + ": one client token");
        }
        assertEquals(0, deadLettered, "no valid message dead-lettered");
        assertEquals(0, JvmProcesses.browse(brokerUrl, "attachments"));
        // measured over 11 runs on 2026-12-06 (8 alone, 3 in fresh-clone CI runs): throttled 8.7 to 13.8%, the smaller
        // JVM's share 25.6 to 49.1% (under 35% in 3). The bounds were set from one run each and failed about one CI
        // run in three; they are now the measured range with its spread (mean 11.1%, deviation 1.3%: + 3.7 deviations)
        // and the goal #33 sets for the learned rate's fairness (at least 0.4 of a fair split), which #33 is to meet
        // with a throttled share of 10%
        assertTrue(throttled / (double) calls.size() <= 0.16, "throttled share " + report.get("throttledShare"));
        assertTrue(smallestShare >= 0.4 * 0.5, "each JVM gets a share: " + callsA + " and " + callsB);
        // the goal is 1.15x; room for a loaded 2-core machine, on time only
        assertTrue(seconds / ideal <= 1.4, "drained in " + seconds / ideal + "x the ideal");
    }
}
