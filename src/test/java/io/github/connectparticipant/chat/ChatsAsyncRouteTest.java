package io.github.connectparticipant.chat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * connectparticipant:chats hands its items on through Camel's asynchronous routing engine (issue #31): with one
 * hand-off thread (concurrentConsumers=1), three chats' items wait in an asynchronous delay together, and each chat's
 * next item enters the route only once the route's callback says its last is done.
 */
class ChatsAsyncRouteTest extends ChatTestSupport {

    private static final List<String> CHATS = List.of("async-1", "async-2", "async-3");

    /** When each item entered and left the route's delay, by body. */
    private final Map<String, Long> entered = new ConcurrentHashMap<>();
    private final Map<String, Long> left = new ConcurrentHashMap<>();

    @Override
    protected String[] participantTokens() {
        return CHATS.toArray(String[]::new);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {

            @Override
            public void configure() {
                from(chatsUri("concurrentConsumers=1"))
                        .process(exchange -> entered.put(exchange.getMessage().getBody(String.class),
                                System.nanoTime()))
                        .delay(1000).asyncDelayed()
                        .process(exchange -> left.put(exchange.getMessage().getBody(String.class), System.nanoTime()))
                        .to("mock:items");
                followChatRoute(this);
            }
        };
    }

    @Test
    void anAsynchronousRouteHoldsNoThreadAndEachChatsNextItemWaitsForItsCallback() throws Exception {
        followAndAwaitSubscribed(CHATS, Duration.ofSeconds(20));
        MockEndpoint items = getMockEndpoint("mock:items");
        // two items in each chat at once
        for (String participant : CHATS) {
            simulator.agentMessage(participant, participant + " 1");
            simulator.agentMessage(participant, participant + " 2");
        }
        await(() -> items.getReceivedCounter() >= 6, Duration.ofSeconds(10), "six items");
        for (String participant : CHATS) {
            // the chat's second item entered the route only once its first had left the delay
            assertTrue(entered.get(participant + " 2") >= left.get(participant + " 1"), participant + " in order");
        }
        // the three chats' first items were in the delay together, on one thread: it held none while they waited
        long firstIn = CHATS.stream().mapToLong(participant -> entered.get(participant + " 1")).min().orElseThrow();
        long lastOut = CHATS.stream().mapToLong(participant -> left.get(participant + " 1")).max().orElseThrow();
        assertTrue(lastOut - firstIn < 1_800_000_000L,
                "three chats' first items through a second's delay in " + (lastOut - firstIn) / 1_000_000 + " ms");
        assertEquals(CHATS.stream().flatMap(p -> List.of(p + " 1", p + " 2").stream()).collect(Collectors.toSet()),
                Set.copyOf(bodies(items)), "each item once");
    }
}
