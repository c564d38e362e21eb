package io.github.connectparticipant.routes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * routes/outbox-to-chat.yaml, as shipped: files in an outbox become chat attachments at the simulator; files too
 * large, of a type not allowed, or empty are dead-lettered with their reason before any call.
 */
class OutboxRouteTest extends OutboxRouteTestSupport {

    @Override
    protected void configure(Properties properties) {
        super.configure(properties);
        properties.setProperty("outbox.maxAttachmentSize", "10000");
    }

    private static void write(String name, int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        Files.write(outbox.resolve(name), bytes);
    }

    @Test
    void filesBecomeAttachmentsAndTheRestAreDeadLetteredWithTheirReason() throws Exception {
        write("photo.png", 3000);
        write("report.pdf", 5000);
        write("tool.exe", 100);
        write("empty.txt", 0);
        write("big.png", 20_000);

        Path sent = outbox.resolve(".sent");
        Path deadLetters = outbox.resolve(".deadletter");
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (originals(sent).size() + FilesRouteTest.originals(deadLetters).size() < 5
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }

        assertEquals(Set.of("photo.png", "report.pdf"), originals(sent));
        assertEquals(Set.of("tool.exe", "empty.txt", "big.png"), FilesRouteTest.originals(deadLetters));
        ObjectMapper json = new ObjectMapper();
        for (String name : originals(sent)) {
            JsonNode attachment = json.readTree(sent.resolve(name + ".attachment.json").toFile());
            assertTrue(simulator.ledger().isCompleted(attachment.get("attachmentId").asText()), name);
            assertEquals(Files.size(sent.resolve(name)), attachment.get("attachmentSizeInBytes").asLong());
        }
        for (String name : FilesRouteTest.originals(deadLetters)) {
            JsonNode reason = json.readTree(deadLetters.resolve(name + ".reason.json").toFile());
            assertEquals("ValidationException", reason.get("errorCode").asText(), name);
            assertEquals(0, reason.get("attempts").asInt(), name + ": refused before any call");
        }
        assertEquals(2, simulator.ledger().completed().size());
        assertEquals(6, simulator.ledger().callCount(), "a start, an upload and a complete for each of the two");
    }

    private static Set<String> originals(Path folder) throws IOException {
        Set<String> names = new TreeSet<>(FilesRouteTest.names(folder));
        names.removeIf(name -> name.endsWith(".attachment.json"));
        return names;
    }
}
