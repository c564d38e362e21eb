package io.github.connectparticipant.routes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.connectparticipant.camel.CapturedLogAccess;
import io.github.connectparticipant.simulator.Fault;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * routes/files-to-connectparticipant.yaml, as shipped, against the simulator with real files.
 */
class FilesRouteTest extends InboxRouteTestSupport {

    @Override
    protected void addAround(org.apache.camel.builder.RouteBuilder builder) throws Exception {
        super.addAround(builder);
        builder.getContext().getComponent("connectparticipant",
                io.github.connectparticipant.camel.ConnectParticipantComponent.class).getConfiguration()
                .setMaxWaitForCapacity(3000);
    }

    @Test
    void deliversGoodFilesAndDeadLettersTheRestWithTheirReason() throws Exception {
        simulator.refuseAttachmentIds("bad-1");
        simulator.faults().scriptFor("busy-1", Fault.throttle(), Fault.throttle(), Fault.throttle());
        // a service that keeps failing this id: with the route tests' short backoff and redelivery delay, its three
        // deliveries of three attempts fail within a few tens of milliseconds, too soon to be an outage (six faults in
        // a row lasting 300 ms), and it is dead-lettered after its redeliveries; should a slow machine stretch them
        // into an outage, the message is held for maxWaitForCapacity (short here: three seconds, a probe a second).
        // A lone message held through an outage with the defaults: ErrorsAndRetriesTest, OutageBacklogIT
        Fault[] down = new Fault[100];
        Arrays.fill(down, Fault.internalError());
        simulator.faults().scriptFor("down-1", down);
        Map<String, String> files = Map.of(
                "good.txt", "g-1\ng-2\n",
                "good.json", "{\"AttachmentIds\":[\"g-3\"]}",
                "busy.txt", "busy-1",
                "refused.txt", "g-4\nbad-1\n",
                "down.txt", "down-1",
                "malformed.json", "{\"AttachmentIds\":[\"m-1\"",
                "empty.txt", "");
        Path done = inbox.resolve(".done");
        Path deadLetters = inbox.resolve(".deadletter");
        String log;
        try (AutoCloseable captured = CapturedLogAccess.asConfigured()) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                Files.writeString(inbox.resolve(file.getKey()), file.getValue());
            }
            awaitFiles(done, deadLetters, files.size());
            log = CapturedLogAccess.text(captured);
        }
        // each dead letter logged once, by its route, with its whole reason; no other warning for it
        List<String> warnings = log.lines().filter(line -> line.contains(" WARN ") || line.contains(" ERROR "))
                .toList();
        assertEquals(4, warnings.size(), String.join("\n", warnings));
        for (String name : List.of("refused.txt", "down.txt", "malformed.json", "empty.txt")) {
            assertEquals(1, warnings.stream().filter(line -> line.startsWith(
                    "files-to-connectparticipant-dead-letter WARN files: " + name + " dead-lettered: ")).count(),
                    String.join("\n", warnings));
        }
        assertTrue(log.contains("files: down.txt dead-lettered: CompleteAttachmentUpload of attachment 'down-1'"
                + " failed after 3 attempts (redelivery 2): InternalServerException (HTTP 500"), log);

        assertEquals(Set.of("good.txt", "good.json", "busy.txt"), names(done));
        assertEquals(Set.of("refused.txt", "down.txt", "malformed.json", "empty.txt"), originals(deadLetters));
        assertEquals(Set.of(), names(inbox), "nothing left behind");
        for (String name : originals(deadLetters)) {
            assertEquals(files.get(name), Files.readString(deadLetters.resolve(name)), "the file as it came");
        }

        for (String id : List.of("g-1", "g-2", "g-3", "g-4", "busy-1")) {
            assertTrue(simulator.ledger().isCompleted(id), id);
            assertEquals(1, simulator.ledger().clientTokensFor(id).size(), id);
        }
        assertEquals(4, simulator.ledger().callsFor("busy-1").size(),
                "3 throttles, each gone again at once with no attempt used, then the success");
        assertThreeDeliveriesOfThreeAttempts("down-1");
        assertEquals(1, simulator.ledger().callsFor("bad-1").size(), "a refused id is not retried");
        assertReason(deadLetters, "refused.txt", "ValidationException", 400, 0, false, 1);
        assertEquals("g-4", reason(deadLetters, "refused.txt").get("completedAttachmentIds").asText());
        JsonNode downReason = reason(deadLetters, "down.txt");
        assertEquals("InternalServerException", downReason.get("errorCode").asText(), downReason::toString);
        assertEquals(500, downReason.get("statusCode").asInt(), downReason::toString);
        assertEquals(2, downReason.get("redeliveries").asInt(), downReason::toString);
        assertTrue(downReason.get("retryable").asBoolean(), downReason::toString);
        assertReason(deadLetters, "malformed.json", "ValidationException", 0, 0, false, 0);
        assertReason(deadLetters, "empty.txt", "ValidationException", 0, 0, false, 0);

    }

    private static void assertReason(Path folder, String file, String errorCode, int status, int redeliveries,
            boolean retryable, int attempts) throws IOException {
        JsonNode reason = reason(folder, file);
        assertEquals(errorCode, reason.get("errorCode").asText(), reason::toString);
        assertEquals(redeliveries, reason.get("redeliveries").asInt(), reason::toString);
        assertEquals(retryable, reason.get("retryable").asBoolean(), reason::toString);
        assertEquals(attempts, reason.get("attempts").asInt(), reason::toString);
        assertEquals(status, reason.get("statusCode").asInt(), reason::toString);
    }

    private static JsonNode reason(Path folder, String file) throws IOException {
        return new ObjectMapper().readTree(folder.resolve(file + ".reason.json").toFile());
    }

    static Set<String> names(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    static Set<String> originals(Path deadLetters) throws IOException {
        Set<String> originals = new TreeSet<>(names(deadLetters));
        originals.removeIf(name -> name.endsWith(".reason.json"));
        return originals;
    }

    static void awaitFiles(Path done, Path deadLetters, int expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (names(done).size() + originals(deadLetters).size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        // a dead letter's reason is written before its file is moved
        assertEquals(expected, names(done).size() + originals(deadLetters).size(),
                "done " + names(done) + ", dead " + names(deadLetters));
    }
}
