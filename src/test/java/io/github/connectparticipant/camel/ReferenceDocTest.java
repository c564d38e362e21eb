package io.github.connectparticipant.camel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.connectparticipant.build.ReferenceDocGenerator;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reference (src/main/docs/connectparticipant-component.adoc) documents every option and header the code has,
 * with its description, in the tables the build generates from the Camel metadata; the committed file is what the
 * build writes (a stale table fails here before it reaches users).
 */
class ReferenceDocTest {

    static final Path REFERENCE = Path.of("src/main/docs/connectparticipant-component.adoc");
    static final Path METADATA = Path.of("target/classes/META-INF/io/github/connectparticipant/camel",
            "connectparticipant.json");

    @Test
    void everyOptionAndHeaderIsDocumentedWithItsDescription() throws Exception {
        JsonNode metadata = new ObjectMapper().readTree(METADATA.toFile());
        String reference = Files.readString(REFERENCE);
        List<String> missing = new ArrayList<>();
        for (String group : new String[]{"componentProperties", "properties", "headers"}) {
            metadata.get(group).fields().forEachRemaining(e -> {
                String description = e.getValue().path("description").asText();
                String name = "headers".equals(group) ? "`" + e.getKey() + "`" : "*" + e.getKey() + "*";
                if (description.isBlank() || !reference.contains("| " + name)
                        || !reference.contains(description.replace("|", "\\|"))) {
                    missing.add(group + " " + e.getKey());
                }
            });
        }
        assertEquals(List.of(), missing, "documented in " + REFERENCE);
        // the metadata read is the whole of it
        assertTrue(metadata.get("headers").size() >= 30 && metadata.get("properties").size() >= 30, "the metadata");
    }

    @Test
    void theCommittedReferenceIsWhatTheBuildGenerates() throws Exception {
        JsonNode metadata = new ObjectMapper().readTree(METADATA.toFile());
        String reference = Files.readString(REFERENCE);
        assertEquals(ReferenceDocGenerator.fill(reference, metadata), reference,
                "run the build (mvn process-classes) and commit src/main/docs");
    }
}
