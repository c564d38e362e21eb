package io.github.connectparticipant.routes;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** routes/outbox-to-chat.yaml with outbox.announce=true: each file sent is announced with a chat message. */
class OutboxAnnouncementTest extends OutboxRouteTestSupport {

    @Override
    protected void configure(Properties properties) {
        super.configure(properties);
        properties.setProperty("outbox.announce", "true");
    }

    @Test
    void aSentFileIsAnnouncedInTheChat() throws Exception {
        Files.writeString(outbox.resolve("invoice.pdf"), "%PDF-1.4 invoice", StandardCharsets.UTF_8);
        Path attachment = outbox.resolve(".sent").resolve("invoice.pdf.attachment.json");
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!Files.exists(attachment) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(List.of("Sent you a file: invoice.pdf"),
                simulator.transcript().stream().map(item -> item.get("Content")).toList());
        // the attachment's record is written as without the announcement
        assertEquals(true, Files.readString(attachment).contains("\"attachmentName\":\"invoice.pdf\""));
    }
}
