package io.github.connectparticipant.routes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.BooleanSupplier;

import io.github.connectparticipant.camel.ConnectParticipantChatItemHeaders;
import io.github.connectparticipant.camel.ConnectParticipantConstants;
import io.github.connectparticipant.chat.Await;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * routes/chat-to-queue.yaml, as shipped: the chat of the participant token to a queue of a real embedded Artemis
 * broker, each item the others send once and in order through a dropped socket, the participant's own left out, the
 * item's headers as JMS properties, and the chat's end last.
 */
class ChatToQueueRouteTest extends QueueRouteTestSupport {

    private static final String PARTICIPANT = "chat-to-queue-participant";
    private static final String CHAT_ENDED = "application/vnd.amazonaws.connect.event.chat.ended";

    @Override
    protected String routeFile() {
        return "chat-to-queue.yaml";
    }

    @Override
    protected void configure(Properties properties) {
        // the chat must exist before the route starts following it
        simulator.acceptParticipantTokens(PARTICIPANT);
        properties.setProperty("participant.token", PARTICIPANT);
    }

    @Override
    protected void addAround(RouteBuilder builder) throws Exception {
        super.addAround(builder);
        builder.from("jms:queue:chat.incoming").to("mock:incoming");
    }

    private static String property(Exchange exchange, String header) {
        return exchange.getMessage().getHeader(ConnectParticipantChatItemHeaders.bridgedName(header), String.class);
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws Exception {
        Await.until(condition, Duration.ofSeconds(30), what);
    }

    @Test
    void whatTheOthersSayReachesTheQueueOnceInOrderWithWhatItIs() throws Exception {
        awaitTrue(() -> simulator.subscribedSockets(PARTICIPANT) == 1, "subscribed");
        MockEndpoint incoming = getMockEndpoint("mock:incoming");
        List<String> said = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            said.add("agent says " + i);
            simulator.agentMessage(PARTICIPANT, "agent says " + i);
            if (i == 3) {
                template.sendBody("connectparticipant:sendMessage?participantToken=RAW(" + PARTICIPANT
                        + ")&uriEndpointOverride=" + simulator.baseUrl(), "the participant's own");
                simulator.dropSockets();
            }
        }
        // the new socket fills the gap; then the end (once a chat has ended, the participant's tokens are refused)
        awaitTrue(() -> incoming.getReceivedCounter() >= 6, "six messages");
        simulator.endChat(PARTICIPANT);
        awaitTrue(() -> incoming.getReceivedCounter() >= 7, "and the end");
        Thread.sleep(500);
        List<Exchange> received = incoming.getReceivedExchanges();
        assertEquals(7, received.size(), "each once, the participant's own left out");
        List<String> bodies = new ArrayList<>();
        for (Exchange exchange : received.subList(0, 6)) {
            bodies.add(exchange.getMessage().getBody(String.class));
            assertEquals("AGENT", property(exchange, ConnectParticipantConstants.PARTICIPANT_ROLE));
            assertEquals("MESSAGE", property(exchange, ConnectParticipantConstants.ITEM_TYPE));
            assertEquals(simulator.contactId(PARTICIPANT), property(exchange, ConnectParticipantConstants.CONTACT_ID));
        }
        assertEquals(said, bodies, "in order, through the dropped socket");
        assertEquals(CHAT_ENDED, property(received.get(6), ConnectParticipantConstants.CONTENT_TYPE), "the end last");
    }
}
