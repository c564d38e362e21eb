package io.github.connectparticipant.chat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

import io.github.connectparticipant.camel.CamelCoreUnmaskedLogs;
import io.github.connectparticipant.camel.CapturedLogAccess;
import io.github.connectparticipant.simulator.ParticipantServiceSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the README says of the chat consumer's secrets: its participant token, the connection tokens it makes and the
 * socket's URL (its path is a credential) are never logged, with every logger at TRACE, through a chat's whole life:
 * start, items, a dropped socket and its successor, a refused participant, the end of the chat, the stop.
 */
class ChatSecretsInTheLogTest {

    private static final String PARTICIPANT = "log-test-participant-token";
    private static final String REFUSED = "log-test-refused-participant-token";
    /** The category of the simulator's websocket server library, which is not the component's. */
    private static final String SIMULATOR_SOCKET_SERVER = "org.java_websocket.";

    @Test
    void noTokenNorSocketUrlInTheLogAtTrace() throws Exception {
        String log;
        List<String> socketUrls;
        try (ParticipantServiceSimulator simulator = ParticipantServiceSimulator.start(0)
                .acceptParticipantTokens(PARTICIPANT);
                AutoCloseable captured = CapturedLogAccess.atTrace()) {
            CamelContext context = new DefaultCamelContext();
            // the tokens as users give them: property placeholders, whose values Camel core resolves
            Properties properties = new Properties();
            properties.setProperty("chat.token", PARTICIPANT);
            properties.setProperty("refused.token", REFUSED);
            context.getPropertiesComponent().setInitialProperties(properties);
            context.addRoutes(new RouteBuilder() {

                @Override
                public void configure() {
                    from("connectparticipant:chat?participantToken=RAW({{chat.token}})&uriEndpointOverride="
                            + simulator.baseUrl()).routeId("chat").to("mock:items");
                    from("connectparticipant:chat?participantToken=RAW({{refused.token}})&uriEndpointOverride="
                            + simulator.baseUrl()).routeId("refused").to("mock:refused");
                }
            });
            context.start();
            try {
                MockEndpoint items = context.getEndpoint("mock:items", MockEndpoint.class);
                Await.until(() -> simulator.subscribedSockets(PARTICIPANT) == 1, Duration.ofSeconds(10),
                        "subscribed");
                simulator.agentMessage(PARTICIPANT, "before the drop");
                Await.until(() -> items.getReceivedCounter() >= 1, Duration.ofSeconds(10), "the first item");
                simulator.dropSockets();
                simulator.agentMessage(PARTICIPANT, "while the socket was down");
                Await.until(() -> items.getReceivedCounter() >= 2, Duration.ofSeconds(15), "the gap filled");
                simulator.endChat(PARTICIPANT);
                Await.until(() -> items.getReceivedCounter() >= 3, Duration.ofSeconds(10), "the end");
            } finally {
                context.stop();
            }
            log = CapturedLogAccess.text(captured);
            socketUrls = simulator.socketUrlsIssued();
        }
        assertTrue(socketUrls.size() >= 2, "a socket and its successor: " + socketUrls.size());
        assertTrue(log.contains("TRACE"), "the log at TRACE");
        // Camel core's own categories that log resolved URIs in clear below INFO (the README's "Secrets" keeps them
        // at INFO) are left out, and were on
        CamelCoreUnmaskedLogs.Split split = CamelCoreUnmaskedLogs.split(log);
        assertTrue(split.camelCoreLines() > 0, "Camel core's lines were on");
        // and the simulator's websocket server (Java-WebSocket, in this JVM for the test) logs the paths it serves
        String searched = split.rest().lines().filter(line -> !line.startsWith(SIMULATOR_SOCKET_SERVER))
                .collect(Collectors.joining("\n"));
        List<String> secrets = new ArrayList<>(List.of(PARTICIPANT, REFUSED, "sim-connection-"));
        for (String url : socketUrls) {
            // the URL's credential is its path: the simulator's is a random id after /connect/
            secrets.add(URI.create(url).getPath().substring("/connect/".length()));
        }
        for (String secret : secrets) {
            assertFalse(searched.contains(secret), "a secret in the log: " + secret.substring(0, 8) + "...");
        }
    }
}
