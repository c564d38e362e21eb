package io.github.connectparticipant.routes;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import io.github.connectparticipant.camel.ConnectParticipantFailureHeaders;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * routes/queue-to-chat.yaml, as shipped: JSON chat messages from a queue of a real embedded Artemis broker to the
 * simulator, with a participant token alone, and dead letters with their reason for what cannot be sent.
 */
class QueueToChatRouteTest extends QueueRouteTestSupport {

    static final String PARTICIPANT = "route-participant-token";

    @Override
    protected String routeFile() {
        return "queue-to-chat.yaml";
    }

    @Override
    protected void configure(Properties properties) {
        properties.setProperty("participant.token", PARTICIPANT);
    }

    @Override
    protected void addAround(RouteBuilder builder) throws Exception {
        super.addAround(builder);
        builder.from("jms:queue:chat.DLQ").to("mock:dlq");
    }

    @Test
    void chatMessagesGoOutAndWhatCannotGoIsDeadLetteredWithItsReason() throws Exception {
        simulator.acceptParticipantTokens(PARTICIPANT, "other-participant");
        MockEndpoint dlq = getMockEndpoint("mock:dlq");
        dlq.expectedMessageCount(3);

        template.sendBody("jms:queue:chat", "{\"ParticipantToken\":\"other-participant\",\"Content\":\"Hello\"}");
        template.sendBody("jms:queue:chat", "{\"Content\":\"**Shipped** today\",\"ContentType\":\"text/markdown\"}");
        template.sendBody("jms:queue:chat", "{\"ParticipantToken\":\"unknown-participant\",\"Content\":\"Hi\"}");
        template.sendBody("jms:queue:chat", "{\"ParticipantToken\":\"" + PARTICIPANT + "\",\"Content\":");
        template.sendBody("jms:queue:chat", "{\"Content\":\"" + "x".repeat(1025) + "\"}");

        MockEndpoint.assertIsSatisfied(context);
        awaitEmpty("chat");
        List<Map<String, Object>> transcript = simulator.transcript();
        assertEquals(List.of("**Shipped** today", "Hello"),
                transcript.stream().map(item -> (String) item.get("Content")).sorted().toList());
        assertEquals(2, simulator.connectionsCreated(), "one connection for each participant token that worked");

        Map<String, String> reasons = dlq.getReceivedExchanges().stream().collect(Collectors.toMap(
                e -> e.getMessage().getBody(String.class).substring(0, 30),
                e -> e.getMessage().getHeader(ConnectParticipantFailureHeaders.ERROR_CODE, String.class)));
        assertTrue(reasons.containsValue("AccessDeniedException"), reasons::toString);
        assertEquals(3, reasons.size(), reasons::toString);
        assertTrue(reasons.keySet().stream().allMatch(body -> body.startsWith("{")), "the messages as they came");
        for (Exchange dead : dlq.getReceivedExchanges()) {
            String message = dead.getMessage().getHeader(ConnectParticipantFailureHeaders.ERROR_MESSAGE, String.class);
            assertFalse(message.contains(PARTICIPANT) || message.contains("unknown-participant"), message);
            assertFalse(dead.getMessage().getHeaders().containsKey("CamelConnectParticipantParticipantToken"));
        }
    }
}
