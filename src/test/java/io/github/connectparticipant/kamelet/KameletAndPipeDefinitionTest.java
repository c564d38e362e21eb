package io.github.connectparticipant.kamelet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.connectparticipant.camel.ConnectParticipantOperations;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kamelet follows the catalog's rules, and the Pipe example binds to it with properties it declares.
 */
class KameletAndPipeDefinitionTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(Path file) throws IOException {
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> at(Map<String, Object> map, String... path) {
        Map<String, Object> current = map;
        for (String key : path) {
            current = (Map<String, Object>) current.get(key);
        }
        return current;
    }

    @Test
    @SuppressWarnings("unchecked")
    void kameletFollowsTheCatalogsRules() throws IOException {
        Map<String, Object> kamelet = yaml(Path.of("target/classes/kamelets/connectparticipant-sink.kamelet.yaml"));
        assertEquals("camel.apache.org/v1", kamelet.get("apiVersion"));
        assertEquals("Kamelet", kamelet.get("kind"));
        // the catalog's naming: the name is the file's, and a sink's ends in -sink
        String name = (String) at(kamelet, "metadata").get("name");
        assertEquals("connectparticipant-sink", name);
        assertTrue(Files.exists(Path.of("target/classes/kamelets/" + name + ".kamelet.yaml")));
        assertTrue(name.endsWith("-sink"));
        // the copy the README and the Pipe tell operators to kubectl apply: filled in, nothing to replace by hand
        String filled = Files.readString(Path.of("target/classes/kamelets/" + name + ".kamelet.yaml"));
        assertFalse(filled.contains("${"), "a placeholder left in the Kamelet");
        assertTrue(Files.readString(Path.of("examples/camel-k/attachments-pipe.yaml"))
                .contains("kubectl apply -f target/classes/kamelets/" + name + ".kamelet.yaml"));
        assertEquals("sink", at(kamelet, "metadata", "labels").get("camel.apache.org/kamelet.type"));
        Map<String, Object> annotations = at(kamelet, "metadata", "annotations");
        for (String required : List.of("camel.apache.org/kamelet.support.level", "camel.apache.org/catalog.version",
                "camel.apache.org/provider", "camel.apache.org/kamelet.group", "camel.apache.org/kamelet.namespace",
                "camel.apache.org/kamelet.icon")) {
            assertTrue(annotations.get(required) instanceof String value && !value.isBlank(), required);
        }
        String icon = (String) annotations.get("camel.apache.org/kamelet.icon");
        assertTrue(icon.startsWith("data:image/svg+xml;base64,"), icon);
        String svg = new String(java.util.Base64.getDecoder().decode(icon.substring(icon.indexOf(',') + 1)),
                StandardCharsets.UTF_8);
        assertTrue(svg.startsWith("<svg") && svg.strip().endsWith("</svg>"), svg);
        assertTrue(((String) annotations.get("camel.apache.org/catalog.version")).matches("\\d+\\.\\d+\\.\\d+.*"),
                "the project's version, filled in by the build");
        Map<String, Object> definition = at(kamelet, "spec", "definition");
        assertTrue(((String) definition.get("title")).endsWith("Sink"));
        Map<String, Object> properties = (Map<String, Object>) definition.get("properties");
        assertEquals(List.of("connectionToken", "participantToken", "region", "uriEndpointOverride", "maxAttempts",
                "operation"), List.copyOf(properties.keySet()));
        for (Map.Entry<String, Object> property : properties.entrySet()) {
            Map<String, Object> spec = (Map<String, Object>) property.getValue();
            assertTrue(spec.containsKey("title") && spec.containsKey("description") && spec.containsKey("type"),
                    property.getKey());
        }
        for (String secret : List.of("connectionToken", "participantToken")) {
            Map<String, Object> token = (Map<String, Object>) properties.get(secret);
            assertEquals("password", token.get("format"), secret);
            assertEquals(List.of("urn:camel:group:credentials"), token.get("x-descriptors"), secret);
        }
        List<String> operations = (List<String>) ((Map<String, Object>) properties.get("operation")).get("enum");
        for (String operation : operations) {
            ConnectParticipantOperations.valueOf(operation);
        }
        assertTrue(operations.containsAll(List.of("sendMessage", "sendEvent", "disconnectParticipant")));
        List<String> dependencies = (List<String>) at(kamelet, "spec").get("dependencies");
        assertTrue(dependencies.contains("camel:kamelet"));
        assertTrue(dependencies.stream().anyMatch(d -> d.matches("mvn:io\\.github\\.connectparticipant:"
                + "camel-connectparticipant:\\d+\\.\\d+\\.\\d+.*")),
                dependencies::toString);
        String template = at(kamelet, "spec", "template").toString();
        assertTrue(template.contains("kamelet:source") && template.contains("RAW({{?connectionToken}})")
                && template.contains("RAW({{?participantToken}})"), template);
    }

    @Test
    @SuppressWarnings("unchecked")
    void pipeBindsAQueueToTheKameletWithADeadLetterQueue() throws IOException {
        Map<String, Object> pipe = yaml(Path.of("examples/camel-k/attachments-pipe.yaml"));
        assertEquals("Pipe", pipe.get("kind"));
        assertEquals("camel.apache.org/v1", pipe.get("apiVersion"));
        assertEquals("connectparticipant-sink", at(pipe, "spec", "sink", "ref").get("name"));
        Map<String, Object> kamelet = yaml(Path.of("target/classes/kamelets/connectparticipant-sink.kamelet.yaml"));
        Map<String, Object> declared = at(kamelet, "spec", "definition", "properties");
        assertTrue(declared.keySet().containsAll(at(pipe, "spec", "sink", "properties").keySet()));
        assertEquals("attachments.DLQ",
                at(pipe, "spec", "errorHandler", "sink", "endpoint", "properties").get("destinationName"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void kafkaPipeBindsAStrimziTopicToTheKameletWithADeadLetterTopic() throws IOException {
        List<Map<String, Object>> documents = documents(Path.of("examples/camel-k/kafka-pipe.yaml"));
        List<String> topics = documents.stream().filter(d -> "KafkaTopic".equals(d.get("kind")))
                .map(d -> (String) at(d, "metadata").get("name")).toList();
        Map<String, Object> pipe = documents.stream().filter(d -> "Pipe".equals(d.get("kind"))).findFirst()
                .orElseThrow();
        assertEquals("KafkaTopic", at(pipe, "spec", "source", "ref").get("kind"));
        assertTrue(topics.contains((String) at(pipe, "spec", "source", "ref").get("name")));
        assertEquals("connectparticipant-sink", at(pipe, "spec", "sink", "ref").get("name"));
        assertTrue(topics.contains((String) at(pipe, "spec", "errorHandler", "sink", "endpoint", "ref").get("name")));
        Map<String, Object> kamelet = yaml(Path.of("target/classes/kamelets/connectparticipant-sink.kamelet.yaml"));
        assertTrue(at(kamelet, "spec", "definition", "properties").keySet()
                .containsAll(at(pipe, "spec", "sink", "properties").keySet()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void sqsPipeBindsTheCatalogsSqsSourceToTheKameletWithStableTokensAndADeadLetterQueue() throws IOException {
        Map<String, Object> pipe = yaml(Path.of("examples/camel-k/sqs-pipe.yaml"));
        assertEquals("Pipe", pipe.get("kind"));
        assertEquals("aws-sqs-source", at(pipe, "spec", "source", "ref").get("name"));
        Map<String, Object> source = at(pipe, "spec", "source", "properties");
        assertEquals(Boolean.TRUE, source.get("useDefaultCredentialsProvider"), "credentials from the provider chain");
        assertFalse(source.containsKey("accessKey") || source.containsKey("secretKey"), "no key in the Pipe");
        // the catalog's source cannot extend visibility: its timeout covers the longest a message can take (634 s)
        assertTrue(((Number) source.get("visibilityTimeout")).intValue() >= 634, source.toString());
        Map<String, Object> step = (Map<String, Object>) ((List<Object>) at(pipe, "spec").get("steps")).get(0);
        assertEquals("insert-header-action", ((Map<String, Object>) step.get("ref")).get("name"));
        Map<String, Object> header = (Map<String, Object>) step.get("properties");
        assertEquals(io.github.connectparticipant.camel.ConnectParticipantConstants.IDEMPOTENCY_KEY,
                header.get("name"));
        assertEquals("sqs:${header.CamelAwsSqsMessageId}", header.get("value"));
        assertEquals("connectparticipant-sink", at(pipe, "spec", "sink", "ref").get("name"));
        Map<String, Object> kamelet = yaml(Path.of("target/classes/kamelets/connectparticipant-sink.kamelet.yaml"));
        assertTrue(at(kamelet, "spec", "definition", "properties").keySet()
                .containsAll(at(pipe, "spec", "sink", "properties").keySet()));
        assertEquals("aws-sqs-sink", at(pipe, "spec", "errorHandler", "sink", "endpoint", "ref").get("name"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void sourceKameletFollowsTheCatalogsRulesAndFollowsAChat() throws IOException {
        String file = "target/classes/kamelets/connectparticipant-source.kamelet.yaml";
        Map<String, Object> kamelet = yaml(Path.of(file));
        assertEquals("Kamelet", kamelet.get("kind"));
        assertEquals("connectparticipant-source", at(kamelet, "metadata").get("name"));
        assertEquals("source", at(kamelet, "metadata", "labels").get("camel.apache.org/kamelet.type"));
        assertFalse(Files.readString(Path.of(file)).contains("${"), "a placeholder left in the Kamelet");
        Map<String, Object> annotations = at(kamelet, "metadata", "annotations");
        for (String required : List.of("camel.apache.org/kamelet.support.level", "camel.apache.org/catalog.version",
                "camel.apache.org/provider", "camel.apache.org/kamelet.group", "camel.apache.org/kamelet.namespace",
                "camel.apache.org/kamelet.icon")) {
            assertTrue(annotations.get(required) instanceof String value && !value.isBlank(), required);
        }
        Map<String, Object> definition = at(kamelet, "spec", "definition");
        assertTrue(((String) definition.get("title")).endsWith("Source"));
        assertEquals(List.of("participantToken"), definition.get("required"));
        Map<String, Object> properties = (Map<String, Object>) definition.get("properties");
        Map<String, Object> token = (Map<String, Object>) properties.get("participantToken");
        assertEquals("password", token.get("format"));
        assertEquals(List.of("urn:camel:group:credentials"), token.get("x-descriptors"));
        for (Map.Entry<String, Object> property : properties.entrySet()) {
            Map<String, Object> spec = (Map<String, Object>) property.getValue();
            assertTrue(spec.containsKey("title") && spec.containsKey("description") && spec.containsKey("type"),
                    property.getKey());
        }
        String template = at(kamelet, "spec", "template").toString();
        assertTrue(template.contains("uri=connectparticipant:chat") && template.contains("kamelet:sink")
                && template.contains("RAW({{participantToken}})"), template);
    }

    @Test
    void chatPipeBridgesTheSourceKameletToAStrimziTopicOfOnePartition() throws IOException {
        List<Map<String, Object>> documents = documents(Path.of("examples/camel-k/chat-pipe.yaml"));
        Map<String, Object> topic = documents.stream().filter(d -> "KafkaTopic".equals(d.get("kind"))).findFirst()
                .orElseThrow();
        assertEquals(1, at(topic, "spec").get("partitions"), "one partition keeps the chat's order");
        Map<String, Object> pipe = documents.stream().filter(d -> "Pipe".equals(d.get("kind"))).findFirst()
                .orElseThrow();
        assertEquals("connectparticipant-source", at(pipe, "spec", "source", "ref").get("name"));
        assertEquals(at(topic, "metadata").get("name"), at(pipe, "spec", "sink", "ref").get("name"));
        Map<String, Object> source = at(pipe, "spec", "source", "properties");
        assertEquals("{{participant.token}}", source.get("participantToken"), "the token from the mounted Secret");
        Map<String, Object> kamelet = yaml(Path.of("target/classes/kamelets/connectparticipant-source.kamelet.yaml"));
        assertTrue(at(kamelet, "spec", "definition", "properties").keySet().containsAll(source.keySet()));
        assertTrue(at(pipe, "metadata", "annotations").get("trait.camel.apache.org/mount.configs").toString()
                .startsWith("secret:"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> documents(Path file) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Load(LoadSettings.builder().build()).loadAllFromString(Files.readString(file))) {
            documents.add((Map<String, Object>) document);
        }
        return documents;
    }
}
