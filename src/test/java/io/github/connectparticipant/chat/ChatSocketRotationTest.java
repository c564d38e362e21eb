package io.github.connectparticipant.chat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.connectparticipant.camel.ConnectParticipantChatConsumer;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Connections that expire after 4 s, whose sockets the simulator closes at that time, as the service does: the
 * consumer replaces each socket half way to its expiry, the new one subscribed and its gap filled before the old one
 * closes, and a chat that never pauses loses nothing and doubles nothing across the rotations.
 */
class ChatSocketRotationTest extends ChatTestSupport {

    @Override
    protected String[] participantTokens() {
        return new String[]{PARTICIPANT};
    }

    @Override
    protected void doPreSetup() throws Exception {
        super.doPreSetup();
        simulator.connectionTokenLifetime(Duration.ofSeconds(4));
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {

            @Override
            public void configure() {
                from("connectparticipant:chat?participantToken=RAW(" + PARTICIPANT + ")&uriEndpointOverride="
                        + simulator.baseUrl()).routeId("chat").to("mock:items");
            }
        };
    }

    @Test
    void socketsAreReplacedBeforeTheyExpireWithNothingLostOrDoubled() throws Exception {
        await(() -> simulator.subscribedSockets(PARTICIPANT) >= 1, Duration.ofSeconds(20), "subscribed");
        List<String> sent = new ArrayList<>();
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        for (int i = 1; System.nanoTime() < until; i++) {
            agentSays(sent, "steady " + i);
            Thread.sleep(20);
        }
        MockEndpoint items = getMockEndpoint("mock:items");
        await(() -> items.getReceivedCounter() >= sent.size(), Duration.ofSeconds(20),
                items.getReceivedCounter() + " of " + sent.size());
        assertHandedOnOnceInOrder(items, sent, "each once, in order");
        int sockets = ((ConnectParticipantChatConsumer) context.getRoute("chat").getConsumer()).getFollower()
                .socketsOpened();
        assertTrue(sockets >= 4, "replaced about every 2 s over 10 s: " + sockets + " sockets");
        // make before break: each socket's successor was subscribed before it closed, so the chat always had one
        assertEquals(0, simulator.unsubscribedMoments(PARTICIPANT), "moments with no subscribed socket");
    }
}
