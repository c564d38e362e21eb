package io.github.connectparticipant.chat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.github.connectparticipant.camel.ConnectParticipantConstants;
import io.github.connectparticipant.simulator.AgentConsole;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The simulator's agent as a chat consumer meets it: the echo bot answering what the route sends (the demo's chat),
 * and the agent typed at the simulator's command line (say, end, drop).
 */
class ChatAgentTest extends ChatTestSupport {

    private static final String CHAT_ENDED = "application/vnd.amazonaws.connect.event.chat.ended";

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {

            @Override
            public void configure() {
                String service = "uriEndpointOverride=" + simulator.baseUrl();
                from("connectparticipant:chat?participantToken=RAW(" + PARTICIPANT + ")&" + service)
                        .to("mock:items");
                from("direct:send").to("connectparticipant:sendMessage?participantToken=RAW(" + PARTICIPANT + ")&"
                        + service);
            }
        };
    }

    private void awaitSubscribed() throws InterruptedException {
        await(() -> simulator.subscribedSockets(PARTICIPANT) == 1, Duration.ofSeconds(30), "subscribed");
    }

    private String console(String... lines) throws Exception {
        ByteArrayOutputStream answers = new ByteArrayOutputStream();
        new AgentConsole(simulator, new PrintStream(answers, true, StandardCharsets.UTF_8))
                .run(new BufferedReader(new StringReader(String.join("\n", lines))));
        return answers.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theEchoingAgentAnswersWhatTheRouteSendsAndTheConsumerReceivesOnlyTheAnswer() throws Exception {
        simulator.agentEcho(true);
        awaitSubscribed();
        template.sendBody("direct:send", "Where is my parcel?");
        MockEndpoint items = getMockEndpoint("mock:items");
        await(() -> items.getReceivedCounter() >= 1, Duration.ofSeconds(10), "the agent's answer");
        // in order: the participant's own message, before the answer, would stand first
        assertEquals(1, items.getReceivedCounter(), "the participant's own message is not handed on");
        Exchange answer = items.getExchanges().get(0);
        assertEquals("You said: Where is my parcel?", answer.getMessage().getBody(String.class));
        assertEquals("AGENT", answer.getMessage().getHeader(ConnectParticipantConstants.PARTICIPANT_ROLE));
        assertEquals(simulator.contactId(PARTICIPANT),
                answer.getMessage().getHeader(ConnectParticipantConstants.CONTACT_ID));
    }

    @Test
    void theAgentTypedAtTheCommandLineSaysDropsAndEnds() throws Exception {
        awaitSubscribed();
        String answers = console("say " + PARTICIPANT + " Hello from the console", "help", "say unknown-token hi",
                "drop");
        MockEndpoint items = getMockEndpoint("mock:items");
        await(() -> items.getReceivedCounter() >= 1, Duration.ofSeconds(10), "the agent's message");
        assertEquals("Hello from the console", items.getExchanges().get(0).getMessage().getBody(String.class));
        List<String> lines = answers.lines().toList();
        assertEquals(4, lines.size(), answers);
        assertTrue(lines.get(0).startsWith("agent: message "), answers);
        assertTrue(lines.get(1).startsWith("agent commands: say"), answers);
        assertEquals("not a participant token the simulator accepts", lines.get(2));
        assertEquals("agent: 1 chat socket(s) dropped", lines.get(3));
        assertFalse(answers.contains(PARTICIPANT), "a token in the console's answers");

        awaitSubscribed();
        assertTrue(console("end " + PARTICIPANT).startsWith("agent: chat " + simulator.contactId(PARTICIPANT)
                + " ended"));
        await(() -> items.getExchanges().stream().anyMatch(exchange -> CHAT_ENDED
                .equals(exchange.getMessage().getHeader(ConnectParticipantConstants.CONTENT_TYPE))),
                Duration.ofSeconds(10), "the chat's end");
    }
}
