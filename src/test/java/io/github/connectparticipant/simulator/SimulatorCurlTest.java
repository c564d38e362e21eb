package io.github.connectparticipant.simulator;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/simulator.md's curl section as written: the simulator started with the arguments its command gives (on a port
 * of its own: the one change, since 8089 may be taken here), then its curl lines run by bash, each answering what its
 * comment says.
 */
class SimulatorCurlTest {

    private static final Path DOC = Path.of("docs/simulator.md");
    private static final String DOC_PORT = "8089";

    @TempDir
    Path work;

    @Test
    void theCurlSectionRunsAsWritten() throws Exception {
        List<String> blocks = bashBlocks(section(Files.readString(DOC), "## The simulator with curl"));
        Matcher command = Pattern.compile("-Dexec\\.args=\"([^\"]*)\"").matcher(blocks.get(0));
        assertTrue(command.find(), "the section starts the simulator: " + blocks.get(0));
        String[] args = command.group(1).replace("--port " + DOC_PORT, "--port 0").split(" ");
        ParticipantServiceSimulator simulator = SimulatorMain.start(args);
        try {
            String curls = blocks.get(1);
            assertTrue(curls.contains("B=http://127.0.0.1:" + DOC_PORT + ";"), curls);
            Process bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c",
                    curls.replace("B=http://127.0.0.1:" + DOC_PORT + ";", "B=" + simulator.baseUrl() + ";"))
                    .directory(work.toFile()).redirectErrorStream(true).start();
            assertTrue(bash.waitFor(60, TimeUnit.SECONDS), "the curl lines ran in a minute");
            String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, bash.exitValue(), output);
            // each step's answer, as its comment gives it
            assertEquals(1, simulator.ledger().completed().size(), "the attachment started, uploaded, completed: "
                    + output);
            assertTrue(output.contains("\"Url\""), "GetAttachment's download URL: " + output);
            assertTrue(output.contains("\"AbsoluteTime\""), "SendMessage: " + output);
            assertTrue(output.contains("\"ConnectionCredentials\""), "CreateParticipantConnection: " + output);
            assertTrue(output.contains("HTTP/1.1 403") && output.contains("AccessDeniedException"), output);
            assertTrue(output.contains("The request body stops being JSON at its end"), output);
            assertFalse(output.contains("Throttling"), "no step throttled: " + output);
            assertFalse(output.contains("null"), "no step answered without what the next needs: " + output);
        } finally {
            simulator.close();
        }
    }

    private static String section(String markdown, String heading) {
        int start = markdown.indexOf(heading);
        assertTrue(start >= 0, heading);
        // the next heading of its level (the code blocks comment with a single #)
        int next = markdown.indexOf("\n## ", start + heading.length());
        return next < 0 ? markdown.substring(start) : markdown.substring(start, next);
    }

    private static List<String> bashBlocks(String text) {
        List<String> blocks = new ArrayList<>();
        Matcher block = Pattern.compile("```bash\n(.*?)```", Pattern.DOTALL).matcher(text);
        while (block.find()) {
            blocks.add(block.group(1));
        }
        return blocks;
    }
}
