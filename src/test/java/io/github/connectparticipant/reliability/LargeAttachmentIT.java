package io.github.connectparticipant.reliability;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.connectparticipant.simulator.Ledger;
import io.github.connectparticipant.simulator.ParticipantServiceSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 100 MB file through sendAttachment in a JVM with a 64 MB heap: the bytes are streamed from the file to the upload
 * URL, never held in memory.
 */
class LargeAttachmentIT {

    static final long SIZE = 100L * 1024 * 1024;

    @TempDir
    Path folder;

    @Test
    void aHundredMegabyteFileGoesThroughA64MegabyteHeap() throws Exception {
        Path file = folder.resolve("recording.mp4");
        byte[] block = new byte[1024 * 1024];
        for (int i = 0; i < block.length; i++) {
            block[i] = (byte) (i * 31);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < SIZE; written += block.length) {
                out.write(block);
            }
        }
        try (ParticipantServiceSimulator simulator = ParticipantServiceSimulator.start(0)
                .acceptConnectionTokens("large-token")) {
            Path log = Path.of("target", "large-attachment.log");
            Process sender = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx64m", "-cp", System.getProperty("surefire.test.class.path",
                            System.getProperty("java.class.path")),
                    LargeAttachmentSender.class.getName(), simulator.baseUrl(), "large-token", file.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            assertTrue(sender.waitFor(3, TimeUnit.MINUTES), "the sender finished");
            String output = Files.readString(log);
            assertEquals(0, sender.exitValue(), output);
            assertTrue(output.contains("SENT ") && output.contains("max heap"), output);

            List<Ledger.Call> uploads = simulator.ledger().calls().stream()
                    .filter(c -> c.operation().startsWith("PUT")).toList();
            assertEquals(1, uploads.size());
            assertEquals(200, uploads.get(0).status());
            assertEquals("(" + SIZE + " bytes)", uploads.get(0).body());
            assertTrue(simulator.ledger().isCompleted(uploads.get(0).attachmentId()));
        }
    }
}
