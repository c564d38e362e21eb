package io.github.connectparticipant.chat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.github.connectparticipant.reliability.MultiJvmTestSupport;
import io.github.connectparticipant.reliability.ReliabilityReport;
import io.github.connectparticipant.simulator.ParticipantServiceSimulator;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A chat consumer with a FileStateRepository in a JVM of its own, killed with SIGKILL while the agent writes, and
 * started again while the agent goes on: every item reaches the route, in order, and at most the one the route was
 * processing at the kill twice (at least once across a crash); the state file never holds the token.
 */
class ChatCrashSafetyIT extends MultiJvmTestSupport {

    private static final String PARTICIPANT = "chat-crash-participant-7f3e9a";
    private static final int ITEMS = 300;

    ChatCrashSafetyIT() {
        super("chat-crash-safety");
    }

    @Test
    void aKilledChatConsumerResumesAfterItsLastItemAndLosesNothing() throws Exception {
        simulator = ParticipantServiceSimulator.start(0).acceptParticipantTokens(PARTICIPANT);
        Path state = work.resolve("chat-state.dat");
        Path output = work.resolve("items.txt");
        List<String> sent = new ArrayList<>();
        for (int i = 1; i <= ITEMS; i++) {
            sent.add(String.format("item %03d", i));
        }

        Process consumer = startConsumer("consumer", state, output);
        await(() -> simulator.subscribedSockets(PARTICIPANT) == 1, "subscribed");
        int i = 0;
        // a third while it runs, the kill mid-stream, a third while it is down, the rest once it is back
        for (; i < ITEMS / 3; i++) {
            simulator.agentMessage(PARTICIPANT, sent.get(i));
            Thread.sleep(5);
        }
        await(() -> lines(output).size() >= ITEMS / 6, "a sixth handed on before the kill");
        consumer.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        int handedOnAtKill = lines(output).size();
        for (; i < 2 * ITEMS / 3; i++) {
            simulator.agentMessage(PARTICIPANT, sent.get(i));
        }
        startConsumer("consumer-restarted", state, output);
        await(() -> simulator.subscribedSockets(PARTICIPANT) == 1, "subscribed again");
        for (; i < ITEMS; i++) {
            simulator.agentMessage(PARTICIPANT, sent.get(i));
            Thread.sleep(5);
        }
        await(() -> new LinkedHashSet<>(lines(output)).size() >= ITEMS, "every item");
        Thread.sleep(1000);

        List<String> received = lines(output);
        Set<String> distinct = new LinkedHashSet<>(received);
        assertEquals(sent, new ArrayList<>(distinct), "every item, in order");
        int repeats = received.size() - distinct.size();
        assertTrue(repeats <= 1, "at most the item in the route at the kill again: " + repeats);
        assertFalse(Files.readString(state).contains(PARTICIPANT), "the token in the state file");
        ReliabilityReport.write("chat-crash-safety", "items", ITEMS, "killedAfterHandedOn", handedOnAtKill,
                "received", received.size(), "repeated", repeats, "lost", 0);
    }

    private Process startConsumer(String name, Path state, Path output) throws Exception {
        return processes.start(name, "STARTED", ChatConsumerProcess.class, simulator.baseUrl(), PARTICIPANT,
                state.toString(), output.toString());
    }

    /** The output's complete lines (a line the kill cut short is not one). */
    private static List<String> lines(Path output) {
        try {
            if (!Files.exists(output)) {
                return List.of();
            }
            String text = Files.readString(output);
            int end = text.lastIndexOf('\n');
            return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Await.until(condition, Duration.ofSeconds(60), what);
    }
}
