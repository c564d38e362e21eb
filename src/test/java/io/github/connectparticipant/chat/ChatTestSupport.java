package io.github.connectparticipant.chat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BooleanSupplier;

import io.github.connectparticipant.camel.ConnectParticipantConstants;
import io.github.connectparticipant.simulator.ParticipantServiceSimulator;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A chat consumer's test: a simulator of its own for every test, started before the routes (they point at it).
 */
abstract class ChatTestSupport extends CamelTestSupport {

    /** The participant token of a test that follows one chat. */
    protected static final String PARTICIPANT = "chat-test-participant";

    protected ParticipantServiceSimulator simulator;

    /** The participant tokens the simulator accepts, each a chat of its own: {@link #PARTICIPANT} unless overridden. */
    protected String[] participantTokens() {
        return new String[]{PARTICIPANT};
    }

    @Override
    protected void doPreSetup() throws Exception {
        simulator = ParticipantServiceSimulator.start(0).acceptParticipantTokens(participantTokens());
    }

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    /** connectparticipant:chats at the simulator, with these options (name=value joined by '&', or empty). */
    protected String chatsUri(String options) {
        return "connectparticipant:chats?" + (options.isEmpty() ? "" : options + "&") + "uriEndpointOverride="
                + simulator.baseUrl();
    }

    /** Routes direct:follow to followChat at the simulator, for the tests of connectparticipant:chats. */
    protected void followChatRoute(RouteBuilder routes) {
        routes.from("direct:follow").to("connectparticipant:followChat?uriEndpointOverride=" + simulator.baseUrl());
    }

    /** Follows these participants' chats (through {@link #followChatRoute}) and waits until each is subscribed. */
    protected void followAndAwaitSubscribed(Collection<String> participants, Duration within)
            throws InterruptedException {
        for (String participant : participants) {
            template.sendBodyAndHeader("direct:follow", null, ConnectParticipantConstants.PARTICIPANT_TOKEN,
                    participant);
        }
        await(() -> participants.stream().allMatch(participant -> simulator.subscribedSockets(participant) == 1),
                within, "every chat subscribed");
    }

    /** Waits until the condition holds, at most this long, and asserts that it does. */
    protected static void await(BooleanSupplier condition, Duration within, String what) throws InterruptedException {
        Await.until(condition, within, what);
    }

    /** The simulator's agent says this in {@link #PARTICIPANT}'s chat, and it is added to what was said, in order. */
    protected void agentSays(List<String> said, String text) {
        said.add(text);
        simulator.agentMessage(PARTICIPANT, text);
    }

    /**
     * Asserts that the route got what was said in {@link #PARTICIPANT}'s chat, each once and in order, with no window
     * to guess: the agent says one thing more, and once the route has as many items as were said, they must be those.
     * A chat's items are handed on in order, so an item doubled before that last one shows as a difference, and one
     * doubled after it would be out of order.
     */
    protected void assertHandedOnOnceInOrder(MockEndpoint items, List<String> said, String what)
            throws InterruptedException {
        agentSays(said, "the last item of the test");
        await(() -> items.getReceivedCounter() >= said.size(), Duration.ofSeconds(10), what + ": the last item");
        assertEquals(said, bodies(items), what);
    }

    /** The bodies the mock endpoint received, in order. */
    protected static List<String> bodies(MockEndpoint mock) {
        List<String> bodies = new ArrayList<>();
        for (Exchange exchange : mock.getExchanges()) {
            bodies.add(exchange.getMessage().getBody(String.class));
        }
        return bodies;
    }
}
