package io.github.connectparticipant.chat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.connectparticipant.camel.ConnectParticipantChatConsumer;
import io.github.connectparticipant.camel.ConnectParticipantConstants;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bound in all (issue #31, item 4): with maxItemsWaiting=6, three chats whose agents say 15 items each at once to a
 * route that takes 50 ms an item hold at most 6 items between them; the rest are read from the transcript later, and
 * every chat's items reach the route once and in order.
 */
class ChatsMemoryBoundTest extends ChatTestSupport {

    private static final List<String> CHATS = List.of("bound-1", "bound-2", "bound-3");

    @Override
    protected String[] participantTokens() {
        return CHATS.toArray(String[]::new);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {

            @Override
            public void configure() {
                from(chatsUri("maxItemsWaiting=6"))
                        .routeId("chats").delay(50).to("mock:items");
                followChatRoute(this);
            }
        };
    }

    @Test
    void theChatsHoldAtMostTheBoundBetweenThemAndLoseNothing() throws Exception {
        followAndAwaitSubscribed(CHATS, Duration.ofSeconds(20));
        Map<String, List<String>> said = new LinkedHashMap<>();
        for (int n = 1; n <= 15; n++) {
            for (String participant : CHATS) {
                String text = participant + " " + n;
                said.computeIfAbsent(simulator.contactId(participant), c -> new ArrayList<>()).add(text);
                simulator.agentMessage(participant, text);
            }
        }
        MockEndpoint items = getMockEndpoint("mock:items");
        await(() -> items.getReceivedCounter() >= 45, Duration.ofSeconds(30), "45 items");
        // one more in each chat: once the route has as many as were said, they must be those
        for (String participant : CHATS) {
            String last = participant + " last";
            said.get(simulator.contactId(participant)).add(last);
            simulator.agentMessage(participant, last);
        }
        await(() -> items.getReceivedCounter() >= 48, Duration.ofSeconds(10), "the last items");
        Map<String, List<String>> received = new LinkedHashMap<>();
        for (Exchange exchange : items.getExchanges()) {
            received.computeIfAbsent(exchange.getMessage().getHeader(ConnectParticipantConstants.CONTACT_ID,
                    String.class), c -> new ArrayList<>()).add(exchange.getMessage().getBody(String.class));
        }
        assertEquals(said, received, "each chat's items once and in order");
        int most = ((ConnectParticipantChatConsumer) context.getRoute("chats").getConsumer()).getItemsWaiting()
                .mostAtOnce();
        assertTrue(most <= 6, "at most 6 items held at once between the chats: " + most);
    }
}
