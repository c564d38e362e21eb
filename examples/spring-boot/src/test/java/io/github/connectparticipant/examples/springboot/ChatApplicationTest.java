package io.github.connectparticipant.examples.springboot;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import io.github.connectparticipant.camel.ConnectParticipantConfiguration;
import io.github.connectparticipant.camel.ConnectParticipantEndpoint;
import io.github.connectparticipant.simulator.ParticipantServiceSimulator;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application as it runs locally (profile local, the embedded simulator): application.yaml's component options
 * reach the endpoint, a posted message reaches the chat, a refused one answers 400 with its reason (and is logged), no
 * answer sends back a request header, and Actuator shows the producer health check and the component's meters in
 * Prometheus' format.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability // Spring Boot's tests leave the Prometheus registry out unless asked
@ExtendWith(OutputCaptureExtension.class)
class ChatApplicationTest {

    @Autowired
    private TestRestTemplate http;
    @Autowired
    private CamelContext camelContext;
    @Autowired
    private ParticipantServiceSimulator simulator;

    @DynamicPropertySource
    static void simulatorPort(DynamicPropertyRegistry properties) throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            int port = free.getLocalPort();
            properties.add("connectparticipant.simulator.port", () -> port);
        }
    }

    @Test
    void applicationYamlConfiguresTheComponent() {
        ConnectParticipantConfiguration configuration = camelContext
                .getEndpoint("connectparticipant:sendMessage", ConnectParticipantEndpoint.class).getConfiguration();
        assertEquals("eu-west-1", configuration.getRegion());
        assertEquals(5, configuration.getMaxAttempts());
        assertEquals(10_000, configuration.getMaxWaitForCapacity());
        assertEquals(5_000, configuration.getResponseTimeout());
        assertEquals(simulator.baseUrl(), configuration.getUriEndpointOverride());
    }

    @Test
    void aPostedMessageReachesTheChat() {
        ResponseEntity<Map> sent = http.postForEntity("/chat/messages", "Your order has shipped.", Map.class);

        assertEquals(HttpStatus.OK, sent.getStatusCode());
        assertNotNull(sent.getBody().get("id"), "the sent message's id: " + sent.getBody());
        List<Map<String, Object>> transcript = simulator.transcript();
        assertTrue(transcript.stream().anyMatch(item -> "Your order has shipped.".equals(item.get("Content"))),
                "the simulator's chat: " + transcript);
    }

    @Test
    void aMessageTheServiceWouldRefuseAnswers400WithTheReasonAndLogsIt(CapturedOutput output) {
        ResponseEntity<Map> refused = http.postForEntity("/chat/messages", "x".repeat(20_000), Map.class);

        assertEquals(HttpStatus.BAD_REQUEST, refused.getStatusCode());
        assertEquals("ValidationException", refused.getBody().get("errorCode"));
        assertEquals(false, refused.getBody().get("retryable"));
        String reason = (String) refused.getBody().get("reason");
        assertTrue(reason != null && reason.contains("characters long"), "the reason: " + refused.getBody());
        assertTrue(output.getAll().contains("chat message not sent: " + reason), "the refusal logged with its reason");
        assertFalse(output.getAll().contains("local-connection-token"), "no token in the log");
    }

    @Test
    void theAnswerHoldsNoneOfTheRequestsHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Authorization", "Bearer caller-secret-1");
        headers.set("X-Amz-Bearer", "caller-secret-2");
        headers.set("X-Trace", "caller-value-3");
        for (String body : new String[] {"Header check.", "x".repeat(20_000)}) {
            ResponseEntity<String> answer = http.postForEntity("/chat/messages", new HttpEntity<>(body, headers),
                    String.class);
            String everything = answer.getHeaders() + " " + answer.getBody();
            for (String secret : new String[] {"caller-secret-1", "caller-secret-2", "caller-value-3",
                "local-connection-token"}) {
                assertFalse(everything.contains(secret), secret + " sent back: " + everything);
            }
        }
    }

    @Test
    void actuatorShowsTheHealthCheckAndPrometheusTheMeters() {
        http.postForEntity("/chat/messages", "Metered.", Map.class);

        String health = http.getForObject("/actuator/health", String.class);
        assertTrue(health.contains("producer:connectparticipant"), health);
        assertFalse(health.contains("local-connection-token"), "no token in the health details");

        String prometheus = http.getForObject("/actuator/prometheus", String.class);
        assertTrue(prometheus.lines().anyMatch(line -> line.startsWith("connectparticipant_calls_total{")
                                                       && line.contains("operation=\"SendMessage\"")
                                                       && line.contains("outcome=\"success\"")), prometheus);
        assertTrue(prometheus.contains("connectparticipant_call_duration_seconds"), "the call durations");
        assertFalse(prometheus.contains("local-connection-token"), "no token in a tag");
    }
}
