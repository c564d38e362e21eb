package io.github.connectparticipant.routes;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The corpus of malformed inputs in src/test/resources/malformed (empty and blank files, binary garbage, invalid
 * UTF-8, JSON of the wrong shape, types or nesting, ids too long or with control characters, tokens too long, too
 * many ids), plus a file over 10 MB made here, through routes/files-to-connectparticipant.yaml: each is dead-lettered
 * at once with a clear, non-retryable reason, nothing is sent for any of them, and the route goes on consuming.
 */
class MalformedInputTest extends InboxRouteTestSupport {

    @Test
    void everyMalformedInputIsDeadLetteredWithItsReasonAndNothingIsSent() throws Exception {
        Path corpus = Path.of(getClass().getResource("/malformed").toURI());
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(corpus)) {
            for (Path file : files.toList()) {
                Files.copy(file, inbox.resolve(file.getFileName()));
                names.add(file.getFileName().toString());
            }
        }
        names.add(writeOver10Megabytes(inbox.resolve("over-10-mb.txt")));
        assertTrue(names.size() >= 100, "a corpus of at least 100 inputs: " + names.size());
        // one good file among them: the route must go on consuming
        Files.writeString(inbox.resolve("zz-good.txt"), "good-1\ngood-2\n");

        Path done = inbox.resolve(".done");
        Path deadLetters = inbox.resolve(".deadletter");
        FilesRouteTest.awaitFiles(done, deadLetters, names.size() + 1);

        assertEquals(Set.of("zz-good.txt"), FilesRouteTest.names(done));
        assertEquals(names, FilesRouteTest.originals(deadLetters));
        ObjectMapper json = new ObjectMapper();
        for (String name : names) {
            JsonNode reason = json.readTree(deadLetters.resolve(name + ".reason.json").toFile());
            assertEquals("ValidationException", reason.path("errorCode").asText(), name + ": " + reason);
            assertEquals(0, reason.path("statusCode").asInt(), name);
            assertEquals(0, reason.path("attempts").asInt(), name + ": nothing sent");
            assertEquals(0, reason.path("redeliveries").asInt(), name + ": not retried");
            assertFalse(reason.path("retryable").asBoolean(), name);
            String message = reason.path("errorMessage").asText();
            assertTrue(message.startsWith("Invalid input, nothing sent: ") && message.length() > 40,
                    name + ": " + message);
        }
        assertEquals(Set.of("good-1", "good-2"), simulator.ledger().completed().keySet());
        assertEquals(2, simulator.ledger().callCount(), "nothing is sent for invalid input");
    }

    private static String writeOver10Megabytes(Path file) throws IOException {
        byte[] line = "att-0000000001\n".getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int written = 0; written <= 10 * 1024 * 1024; written += line.length) {
                out.write(line);
            }
        }
        return file.getFileName().toString();
    }

}
