package io.github.connectparticipant.chat;

import java.util.ArrayList;
import java.util.List;

import io.github.connectparticipant.camel.ConnectParticipantChatConsumer;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A route slower than its chat (issue #31, item 4): with maxItemsWaitingPerChat=5, a chat whose agent says 40 items at
 * once to a route that takes 100 ms each holds at most 5 of them, lets the rest go and reads them from the transcript
 * once those are handed on: every item once and in order, memory up to the bound.
 */
class ChatMemoryBoundTest extends ChatTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {

            @Override
            public void configure() {
                from("connectparticipant:chat?participantToken=RAW(" + PARTICIPANT + ")&maxItemsWaitingPerChat=5"
                        + "&uriEndpointOverride=" + simulator.baseUrl()).routeId("chat")
                        .delay(100).to("mock:items");
            }
        };
    }

    private ConnectParticipantChatConsumer chatConsumer() {
        return (ConnectParticipantChatConsumer) context.getRoute("chat").getConsumer();
    }

    @Test
    void aSlowRouteCostsMemoryUpToTheBoundAndLosesNothing() throws Exception {
        await(() -> simulator.subscribedSockets(PARTICIPANT) == 1, java.time.Duration.ofSeconds(10), "subscribed");
        await(() -> chatConsumer().getFollower().isFollowing(), java.time.Duration.ofSeconds(10), "following");
        MockEndpoint items = getMockEndpoint("mock:items");
        List<String> said = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            agentSays(said, "item " + i);
        }
        long transcriptReadsBefore = transcriptReads();
        assertHandedOnOnceInOrder(items, said, "every item once and in order");
        int most = chatConsumer().getFollower().mostItemsWaiting();
        assertTrue(most <= 5, "at most 5 items held at once: " + most);
        assertTrue(transcriptReads() > transcriptReadsBefore, "those let go read from the transcript");
    }

    private long transcriptReads() {
        return simulator.ledger().calls().stream().filter(call -> "/participant/transcript".equals(call.operation()))
                .count();
    }
}
