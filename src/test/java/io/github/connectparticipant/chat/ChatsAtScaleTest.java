package io.github.connectparticipant.chat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.connectparticipant.camel.ConnectParticipantConstants;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * connectparticipant:chats under what holds a chat up (issue #31): a route slow on some chats, a service slow to
 * connect some chats. Six chats are held up, more than the threads the chats' sockets share, so that a consumer that
 * ran their routes or their connections on those threads would hold up the seventh.
 */
class ChatsAtScaleTest extends ChatTestSupport {

    private static final int HELD_UP = 6;
    private static final String FAST = "scale-fast";

    private final List<String> heldUp = new ArrayList<>();
    private final Set<String> slowContacts = ConcurrentHashMap.newKeySet();

    @Override
    protected String[] participantTokens() {
        for (int i = 1; i <= HELD_UP; i++) {
            heldUp.add("scale-held-up-" + i);
        }
        List<String> all = new ArrayList<>(heldUp);
        all.add(FAST);
        return all.toArray(String[]::new);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {

            @Override
            public void configure() {
                from(chatsUri("")).routeId("chats")
                        .process(exchange -> {
                            if (slowContacts.contains(
                                    exchange.getMessage().getHeader(ConnectParticipantConstants.CONTACT_ID))) {
                                // a bot's slow call to its backend, on this chat's items
                                Thread.sleep(3000);
                            }
                        }).to("mock:items");
                followChatRoute(this);
            }
        };
    }

    private void follow(String participant) {
        template.sendBodyAndHeader("direct:follow", null, ConnectParticipantConstants.PARTICIPANT_TOKEN, participant);
    }

    @Test
    void aRouteSlowOnSomeChatsHoldsUpNoOther() throws Exception {
        heldUp.forEach(participant -> slowContacts.add(simulator.contactId(participant)));
        List<String> all = new ArrayList<>(heldUp);
        all.add(FAST);
        followAndAwaitSubscribed(all, Duration.ofSeconds(20));
        MockEndpoint items = getMockEndpoint("mock:items");
        heldUp.forEach(participant -> simulator.agentMessage(participant, "slow for " + participant));
        // the six are in the route, three seconds each, when the seventh chat's item comes
        Thread.sleep(500);
        long said = System.nanoTime();
        simulator.agentMessage(FAST, "fast");
        await(() -> items.getReceivedCounter() >= 1, Duration.ofSeconds(2), "the fast chat's item, first");
        assertEquals("fast", items.getExchanges().get(0).getMessage().getBody(String.class));
        assertTrue(System.nanoTime() - said < 2_000_000_000L, "within 2 s, while the slow chats' items take 3");
        await(() -> items.getReceivedCounter() >= HELD_UP + 1, Duration.ofSeconds(10), "the slow chats' items");
    }

    @Test
    void aServiceSlowToConnectSomeChatsHoldsUpNoOther() throws Exception {
        simulator.slowConnections(Duration.ofSeconds(8), heldUp.toArray(String[]::new));
        heldUp.forEach(this::follow);
        follow(FAST);
        long followed = System.nanoTime();
        await(() -> simulator.subscribedSockets(FAST) == 1, Duration.ofSeconds(4),
                "the fast chat subscribed while the others wait for their connections");
        MockEndpoint items = getMockEndpoint("mock:items");
        simulator.agentMessage(FAST, "fast");
        await(() -> items.getReceivedCounter() >= 1, Duration.ofSeconds(2), "the fast chat's item");
        assertTrue(System.nanoTime() - followed < 6_000_000_000L, "before the slow connections answer (8 s)");
        await(() -> heldUp.stream().allMatch(participant -> simulator.subscribedSockets(participant) == 1),
                Duration.ofSeconds(20), "the slow chats subscribed once their connections answer");
    }
}
