package io.github.connectparticipant.chat;

import java.time.Duration;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/**
 * The connectparticipant-source Kamelet from the jar, as Camel K and Camel JBang load it: the agent's messages of the
 * participant's chat reach the route, the participant's own left out.
 */
class ChatSourceKameletTest extends ChatTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {

            @Override
            public void configure() {
                from("kamelet:connectparticipant-source?participantToken=RAW(" + PARTICIPANT
                        + ")&uriEndpointOverride=" + simulator.baseUrl()).to("mock:chat");
            }
        };
    }

    @Test
    void theAgentsMessagesReachTheRoute() throws Exception {
        await(() -> simulator.subscribedSockets(PARTICIPANT) == 1, Duration.ofSeconds(20), "subscribed");
        MockEndpoint chat = getMockEndpoint("mock:chat");
        chat.expectedBodiesReceived("Hello from the agent", "Anything else?");
        chat.expectedHeaderReceived("CamelConnectParticipantParticipantRole", "AGENT");
        // and under the names a Kafka topic or a JMS queue keeps
        chat.expectedHeaderReceived("ConnectParticipantParticipantRole", "AGENT");
        chat.expectedHeaderReceived("ConnectParticipantContactId", simulator.contactId(PARTICIPANT));
        simulator.agentMessage(PARTICIPANT, "Hello from the agent");
        template.sendBody("connectparticipant:sendMessage?participantToken=RAW(" + PARTICIPANT
                + ")&uriEndpointOverride=" + simulator.baseUrl(), "my own message");
        simulator.agentMessage(PARTICIPANT, "Anything else?");
        chat.assertIsSatisfied(10_000);
    }
}
