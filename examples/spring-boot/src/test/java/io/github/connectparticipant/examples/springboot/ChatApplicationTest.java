package io.github.connectparticipant.examples.springboot;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.connectparticipant.camel.ConnectParticipantConfiguration;
import io.github.connectparticipant.camel.ConnectParticipantEndpoint;
import io.github.connectparticipant.simulator.ParticipantServiceSimulator;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application as it runs locally (profile local, the embedded simulator): application.yaml's component options
 * reach the endpoint, a posted message reaches the chat, a refused one answers 400 with its reason (and is logged), no
 * answer sends back a request header, and Actuator shows the producer health check and the component's meters in
 * Prometheus' format. The same test on Spring Boot 3 and 4: it calls the application over plain HTTP, as a client
 * would, rather than through a test client whose package differs between the two.
 */
// the simulator on a port the system chooses (LocalSimulator), not one found free and closed before it binds it
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = "connectparticipant.simulator.port=0")
@ExportedMetrics
@ExtendWith(OutputCaptureExtension.class)
class ChatApplicationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Value("${local.server.port}")
    private int serverPort;
    @Autowired
    private CamelContext camelContext;
    @Autowired
    private ParticipantServiceSimulator simulator;


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
    void aPostedMessageReachesTheChat() throws Exception {
        HttpResponse<String> sent = post("Your order has shipped.", Map.of());

        assertEquals(200, sent.statusCode());
        assertNotNull(json(sent).get("id"), "the sent message's id: " + sent.body());
        List<Map<String, Object>> transcript = simulator.transcript();
        assertTrue(transcript.stream().anyMatch(item -> "Your order has shipped.".equals(item.get("Content"))),
                "the simulator's chat: " + transcript);
    }

    @Test
    void aMessageTheServiceWouldRefuseAnswers400WithTheReasonAndLogsIt(CapturedOutput output) throws Exception {
        HttpResponse<String> refused = post("x".repeat(20_000), Map.of());

        assertEquals(400, refused.statusCode());
        Map<String, Object> answer = json(refused);
        assertEquals("ValidationException", answer.get("errorCode"));
        assertEquals(false, answer.get("retryable"));
        String reason = (String) answer.get("reason");
        assertTrue(reason != null && reason.contains("characters long"), "the reason: " + refused.body());
        assertTrue(output.getAll().contains("chat message not sent: " + reason), "the refusal logged with its reason");
        assertFalse(output.getAll().contains("local-connection-token"), "no token in the log");
    }

    @Test
    void theAnswerHoldsNoneOfTheRequestsHeaders() throws Exception {
        Map<String, String> headers = Map.of("Authorization", "Bearer caller-secret-1", "X-Amz-Bearer",
                "caller-secret-2", "X-Trace", "caller-value-3");
        for (String body : new String[] {"Header check.", "x".repeat(20_000)}) {
            HttpResponse<String> answer = post(body, headers);
            String everything = answer.headers().map() + " " + answer.body();
            for (String secret : new String[] {"caller-secret-1", "caller-secret-2", "caller-value-3",
                "local-connection-token"}) {
                assertFalse(everything.contains(secret), secret + " sent back: " + everything);
            }
        }
    }

    @Test
    void actuatorShowsTheHealthCheckAndPrometheusTheMeters() throws Exception {
        post("Metered.", Map.of());

        String health = get("/actuator/health");
        assertTrue(health.contains("producer:connectparticipant"), health);
        assertFalse(health.contains("local-connection-token"), "no token in the health details");

        String prometheus = get("/actuator/prometheus");
        assertTrue(prometheus.lines().anyMatch(line -> line.startsWith("connectparticipant_calls_total{")
                                                       && line.contains("operation=\"SendMessage\"")
                                                       && line.contains("outcome=\"success\"")), prometheus);
        assertTrue(prometheus.contains("connectparticipant_call_duration_seconds"), "the call durations");
        assertFalse(prometheus.contains("local-connection-token"), "no token in a tag");
    }

    private HttpResponse<String> post(String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/chat/messages"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + serverPort + path);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(HttpResponse<String> response) throws IOException {
        return JSON.readValue(response.body(), Map.class);
    }
}
