package io.github.connectparticipant.chat;

import java.time.Duration;
import java.util.Properties;

import io.github.connectparticipant.simulator.ParticipantServiceSimulator;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * connectparticipant:chat in a YAML route, its token from a property placeholder: only the agent's messages pass
 * (itemTypes=MESSAGE; the participant's own are dropped by default).
 */
class ChatConsumerYamlRouteTest extends CamelTestSupport {

    private static final String PARTICIPANT = "yaml-chat-participant";

    private static ParticipantServiceSimulator simulator;

    @BeforeAll
    static void startSimulator() throws Exception {
        simulator = ParticipantServiceSimulator.start(0).acceptParticipantTokens(PARTICIPANT);
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @Override
    protected Properties useOverridePropertiesWithPropertiesComponent() {
        Properties properties = new Properties();
        properties.setProperty("chat.participant.token", PARTICIPANT);
        properties.setProperty("participant.url", simulator.baseUrl());
        return properties;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {

            @Override
            public void configure() throws Exception {
                PluginHelper.getRoutesLoader(getContext()).loadRoutes(
                        ResourceHelper.resolveResource(getContext(), "classpath:chat-consumer-routes.yaml"));
            }
        };
    }

    @Test
    void theAgentsMessagesReachTheRoute() throws Exception {
        Await.until(() -> simulator.subscribedSockets(PARTICIPANT) == 1, Duration.ofSeconds(20), "subscribed");
        MockEndpoint chat = getMockEndpoint("mock:chat");
        chat.expectedBodiesReceived("Agent: Hello, how can I help?", "Agent: Your order ships today.");
        simulator.agentMessage(PARTICIPANT, "Hello, how can I help?");
        template.sendBodyAndHeader("connectparticipant:sendMessage?participantToken=RAW(" + PARTICIPANT
                + ")&uriEndpointOverride=" + simulator.baseUrl(), "Where is my order?", "ignored", "x");
        simulator.agentMessage(PARTICIPANT, "Your order ships today.");
        // in order: the participant's own message, between the two, would stand second
        chat.assertIsSatisfied(10_000);
        assertEquals(2, chat.getReceivedCounter(), "the participant's own message dropped");
    }
}
