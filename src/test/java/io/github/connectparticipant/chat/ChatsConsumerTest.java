package io.github.connectparticipant.chat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.connectparticipant.camel.ConnectParticipantChatConsumer;
import io.github.connectparticipant.camel.ConnectParticipantConstants;
import io.github.connectparticipant.simulator.Ledger;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * connectparticipant:chats with 50 chats added at run time by followChat: 1,000 items with every socket dropped every
 * 200, each handed on once and in order within its chat, the connections they make paced (connectionRateLimit); a
 * chat that ends announced once and dropped; an unfollowed chat no longer followed.
 */
class ChatsConsumerTest extends ChatTestSupport {

    private static final int CHATS = 50;
    private static final int ITEMS_PER_CHAT = 20;
    private static final int DEFAULT_CONNECTION_RATE = 10;

    private final List<String> participants = new ArrayList<>();

    @Override
    protected String[] participantTokens() {
        for (int i = 1; i <= CHATS; i++) {
            participants.add(String.format("chats-participant-%02d", i));
        }
        return participants.toArray(String[]::new);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {

            @Override
            public void configure() {
                from(chatsUri("")).routeId("chats")
                        .to("mock:items");
                followChatRoute(this);
                from("direct:unfollow")
                        .to("connectparticipant:unfollowChat?uriEndpointOverride=" + simulator.baseUrl());
            }
        };
    }

    private boolean allSubscribed(List<String> chats) {
        return chats.stream().allMatch(participant -> simulator.subscribedSockets(participant) == 1);
    }

    /** The most CreateParticipantConnection calls the simulator received within one second. */
    private int mostConnectionsInOneSecond() {
        List<Long> arrivals = simulator.ledger().calls().stream()
                .filter(call -> "/participant/connection".equals(call.operation()))
                .map(Ledger.Call::arrivedNanos).sorted().toList();
        int most = 0;
        int first = 0;
        for (int last = 0; last < arrivals.size(); last++) {
            while (arrivals.get(last) - arrivals.get(first) >= 1_000_000_000L) {
                first++;
            }
            most = Math.max(most, last - first + 1);
        }
        return most;
    }

    private ConnectParticipantChatConsumer chatsConsumer() {
        return (ConnectParticipantChatConsumer) context.getRoute("chats").getConsumer();
    }

    @Test
    void fiftyChatsThroughDropsEachItemOnceAndInOrderPerChat() throws Exception {
        for (String participant : participants) {
            template.sendBodyAndHeader("direct:follow", null, ConnectParticipantConstants.PARTICIPANT_TOKEN,
                    participant);
        }
        // following a chat twice follows it once
        template.sendBodyAndHeader("direct:follow", null, ConnectParticipantConstants.PARTICIPANT_TOKEN,
                participants.get(0));
        assertEquals(CHATS, chatsConsumer().getFollowedChats());
        await(() -> allSubscribed(participants), Duration.ofSeconds(30), "every chat subscribed");

        Map<String, List<String>> sentByContact = new LinkedHashMap<>();
        int sent = 0;
        for (int n = 1; n <= ITEMS_PER_CHAT; n++) {
            for (String participant : participants) {
                String body = participant + " item " + n;
                sentByContact.computeIfAbsent(simulator.contactId(participant), c -> new ArrayList<>()).add(body);
                simulator.agentMessage(participant, body);
                if (++sent % 200 == 0) {
                    // every socket at once: what is sent until each chat's new socket subscribes is only in the
                    // transcript
                    simulator.dropSockets();
                }
            }
        }
        MockEndpoint items = getMockEndpoint("mock:items");
        await(() -> items.getReceivedCounter() >= CHATS * ITEMS_PER_CHAT, Duration.ofSeconds(60),
                "every item (" + items.getReceivedCounter() + " so far)");
        // one item more in every chat, with no window to guess: once the route has as many items as were said, they
        // must be those (a chat's items go in order, so one doubled before its chat's last shows as a difference)
        for (String participant : participants) {
            String last = participant + " last item";
            sentByContact.get(simulator.contactId(participant)).add(last);
            simulator.agentMessage(participant, last);
        }
        await(() -> items.getReceivedCounter() >= CHATS * (ITEMS_PER_CHAT + 1), Duration.ofSeconds(10),
                "every chat's last item");
        Map<String, List<String>> receivedByContact = new LinkedHashMap<>();
        for (Exchange exchange : items.getExchanges()) {
            receivedByContact.computeIfAbsent(
                    exchange.getMessage().getHeader(ConnectParticipantConstants.CONTACT_ID, String.class),
                    c -> new ArrayList<>()).add(exchange.getMessage().getBody(String.class));
        }
        assertEquals(CHATS * (ITEMS_PER_CHAT + 1), items.getReceivedCounter(), "each item once");
        assertEquals(sentByContact, receivedByContact, "each chat's items once and in order");
        // 50 chats connecting at once, then again after every drop: at most the burst and a second's pace
        // (connectionRateLimit, 10 by default) in any second
        assertTrue(mostConnectionsInOneSecond() <= 2 * DEFAULT_CONNECTION_RATE,
                "connections in one second: " + mostConnectionsInOneSecond());

        // a chat that ends: announced once, then no longer followed
        items.reset();
        String ending = participants.get(7);
        simulator.endChat(ending);
        await(() -> chatsConsumer().getFollowedChats() == CHATS - 1, Duration.ofSeconds(10), "dropped");
        await(() -> items.getReceivedCounter() >= 1, Duration.ofSeconds(5), "announced");
        // a chat unfollowed: nothing more from it
        String leaving = participants.get(8);
        template.sendBodyAndHeader("direct:unfollow", null, ConnectParticipantConstants.PARTICIPANT_TOKEN, leaving);
        assertEquals(CHATS - 2, chatsConsumer().getFollowedChats());
        simulator.agentMessage(leaving, "after unfollowing");
        Thread.sleep(1000);
        assertEquals(1, items.getReceivedCounter(), "the end once, nothing from the unfollowed chat");
        Exchange end = items.getExchanges().get(0);
        assertEquals(simulator.contactId(ending), end.getMessage().getHeader(ConnectParticipantConstants.CONTACT_ID));
        assertEquals("application/vnd.amazonaws.connect.event.chat.ended",
                end.getMessage().getHeader(ConnectParticipantConstants.CONTENT_TYPE));
    }
}
