package io.github.connectparticipant.examples.quarkus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.github.connectparticipant.camel.ConnectParticipantComponent;
import io.github.connectparticipant.camel.ConnectParticipantConfiguration;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static io.restassured.RestAssured.get;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application as Camel K runs it, against the simulator (SimulatorResource): application.properties' options on
 * the component, a chat message through the Kamelet with a participant token alone and through the component, a
 * file through the shipped outbox route, /q/health UP and then DOWN with the service gone, the component's meters in
 * /q/metrics. No token in any of it, nor in the log, Camel's and the component's at TRACE.
 */
@QuarkusTest
@QuarkusTestResource(SimulatorResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChatApplicationTest {

    @Inject
    CamelContext camelContext;

    @Inject
    ProducerTemplate producerTemplate;

    @Test
    @Order(1)
    void optionsFromApplicationProperties() {
        ConnectParticipantConfiguration configuration = camelContext
                .getComponent("connectparticipant", ConnectParticipantComponent.class).getConfiguration();
        assertEquals("eu-west-1", configuration.getRegion());
        assertEquals(5, configuration.getMaxAttempts());
        assertEquals(30_000, configuration.getMaxWaitForCapacity());
        assertEquals(5_000, configuration.getResponseTimeout());
        assertEquals(SimulatorResource.simulator.baseUrl(), configuration.getUriEndpointOverride());
        assertEquals(SimulatorResource.PARTICIPANT_TOKEN, configuration.getParticipantToken());
        assertEquals(null, configuration.getConnectionToken(), "a participant token alone");
    }

    @Test
    @Order(2)
    void aMessageThroughTheKameletWithAParticipantTokenAlone() {
        assertSentWithAConnectionMadeForIt("direct:chat-message-through-kamelet", "hello through the Kamelet");
    }

    @Test
    @Order(3)
    void aMessageThroughTheComponentWithItsParticipantToken() {
        assertSentWithAConnectionMadeForIt("direct:chat-message-through-component", "hello through the component");
    }

    /** The message reaches the chat, with a connection token made from the route's participant token. */
    private void assertSentWithAConnectionMadeForIt(String route, String message) {
        int connectionsBefore = SimulatorResource.simulator.connectionsCreated();
        producerTemplate.requestBody(route, message);
        assertTrue(transcriptContents().contains(message), transcriptContents()::toString);
        assertEquals(connectionsBefore + 1, SimulatorResource.simulator.connectionsCreated(),
                "a connection made from the participant token");
    }

    @Test
    @Order(4)
    void aFileThroughTheShippedOutboxRoute() throws Exception {
        Files.writeString(SimulatorResource.outbox.resolve("report.txt"), "the quarterly report");
        Path sent = SimulatorResource.outbox.resolve(".sent").resolve("report.txt");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!(Files.exists(sent) && transcriptContents().contains("Sent you a file: report.txt"))
               && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(Files.exists(sent), "the file moved to .sent");
        assertTrue(Files.exists(SimulatorResource.outbox.resolve(".sent").resolve("report.txt.attachment.json")));
        assertEquals(1, SimulatorResource.simulator.ledger().completed().size(), "one attachment completed");
        assertTrue(transcriptContents().contains("Sent you a file: report.txt"), transcriptContents()::toString);
    }

    @Test
    @Order(5)
    void theComponentsMetersInQMetrics() {
        String metrics = get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("connectparticipant_calls_total"), metrics);
        assertTrue(metrics.contains("operation=\"SendMessage\""), metrics);
        assertTrue(metrics.contains("operation=\"CompleteAttachmentUpload\""), metrics);
        for (String meter : new String[] {"connectparticipant_call_duration_seconds_count", "connectparticipant_rate_limit",
            "connectparticipant_throttles_total", "connectparticipant_http_connections_available"}) {
            assertTrue(metrics.contains(meter), meter);
        }
        assertNoToken(metrics);
    }

    @Test
    @Order(6)
    void healthUpThenDownWithTheServiceGone() {
        // Camel Quarkus reports the producers' checks together, as camel-producers
        get("/q/health").then().statusCode(200)
                .body("checks.find { it.name == 'camel-producers' }.status", equalTo("UP"));
        SimulatorResource.simulator.close();
        String down = get("/q/health").then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'camel-producers' }.status", equalTo("DOWN"))
                .extract().asString();
        assertNoToken(down);
    }

    @Test
    @Order(7)
    void noTokenInTheLogAtAnyLevel() throws Exception {
        String log = Files.readString(Path.of("target", "quarkus.log"));
        // the start-up summary is there, masked, and so are Camel's TRACE lines
        assertTrue(log.contains("camel.component.connectparticipant.participantToken = xxxxxx"), "no summary line");
        assertTrue(log.contains("TRACE"), "no TRACE line");
        assertNoToken(log);
        assertFalse(log.contains("sim-connection-"), "a connection token made from a participant token");
    }

    private static List<String> transcriptContents() {
        return SimulatorResource.simulator.transcript().stream()
                .map(item -> String.valueOf(item.get("Content"))).toList();
    }

    private static void assertNoToken(String text) {
        assertFalse(text.contains(SimulatorResource.CONNECTION_TOKEN), text);
        assertFalse(text.contains(SimulatorResource.PARTICIPANT_TOKEN), text);
        assertFalse(text.contains(SimulatorResource.KAMELET_PARTICIPANT_TOKEN), text);
    }
}
