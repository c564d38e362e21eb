package io.github.connectparticipant.camel;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.connectparticipant.camel.model.CreateParticipantConnectionResult;
import io.github.connectparticipant.camel.model.DescribeViewResult;
import io.github.connectparticipant.camel.model.GetTranscriptResult;
import io.github.connectparticipant.camel.model.SendMessageResult;
import io.github.connectparticipant.simulator.Ledger;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Messages, events, the transcript, views, authentication and the participant's connection against the simulator:
 * what each operation puts in the body and headers, what it refuses before sending, and connection tokens made from a
 * participant token (one creation for many messages, renewed before expiry and once after a 403).
 */
class ChatOperationsTest extends SimulatorTestSupport {

    static final String PARTICIPANT_TOKEN = "chat-participant-token-0001";
    static final String TOKEN = "connectionToken=RAW(" + CONNECTION_TOKEN + ")";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {

            @Override
            public void configure() {
                from("direct:send").to("connectparticipant:sendMessage?" + TOKEN);
                from("direct:event").to("connectparticipant:sendEvent?" + TOKEN);
                from("direct:page").to("connectparticipant:getTranscript?" + TOKEN);
                from("direct:all").to("connectparticipant:getTranscript?transcriptAllPages=true&" + TOKEN);
                from("direct:view").to("connectparticipant:describeView?" + TOKEN);
                from("direct:auth").to("connectparticipant:getAuthenticationUrl?" + TOKEN);
                from("direct:asParticipant").to("connectparticipant:sendMessage?participantToken=RAW("
                        + PARTICIPANT_TOKEN + ")");
                from("direct:participantHeader").to("connectparticipant:sendMessage");
                from("direct:disconnectAsParticipant")
                        .to("connectparticipant:disconnectParticipant?participantToken=RAW("
                                + PARTICIPANT_TOKEN + ")");
                from("direct:connect").to("connectparticipant:createParticipantConnection?participantToken=RAW("
                        + PARTICIPANT_TOKEN + ")&connectionTypes=CONNECTION_CREDENTIALS,WEBSOCKET");
            }
        };
    }

    private Exchange send(String endpoint, Object body, Map<String, Object> headers) {
        return template.send(endpoint, e -> {
            e.getMessage().getHeaders().putAll(headers);
            e.getMessage().setBody(body);
        });
    }

    private static void assertSucceeded(Exchange exchange) {
        assertNull(exchange.getException(), () -> String.valueOf(exchange.getException()));
    }

    @Test
    void aMessageIsSentOnceEvenWhenItsMessageIsRedelivered() {
        Exchange sent = send("direct:send", "Your parcel left the depot", Map.of());
        assertSucceeded(sent);
        SendMessageResult result = assertInstanceOf(SendMessageResult.class, sent.getMessage().getBody());
        assertEquals(result.getId(), sent.getMessage().getHeader(ConnectParticipantConstants.MESSAGE_ID));
        assertEquals(result.getAbsoluteTime(), sent.getMessage().getHeader(ConnectParticipantConstants.ABSOLUTE_TIME));
        assertNotNull(sent.getMessage().getHeader(ConnectParticipantConstants.REQUEST_ID));
        assertEquals("text/plain", simulator.transcript().get(0).get("ContentType"), "text/plain by default");

        // the same message again (a redelivery: the same key), and another one
        Exchange again = send("direct:send", "Your parcel left the depot",
                Map.of(ConnectParticipantConstants.IDEMPOTENCY_KEY, sent.getMessage().getMessageId()));
        assertEquals(result.getId(), again.getMessage().getHeader(ConnectParticipantConstants.MESSAGE_ID),
                "a repeat, not a second message");
        assertSucceeded(send("direct:send", "**Delivered**", Map.of(ConnectParticipantConstants.CONTENT_TYPE,
                "text/markdown")));
        assertEquals(2, simulator.transcript().size());
    }

    @Test
    void whatTheServiceWouldRefuseIsNotSent() {
        for (Object[] bad : new Object[][]{
                {"direct:send", "x".repeat(1025), Map.of(), "1025 characters long; it must be 1 to 1024"},
                {"direct:send", "", Map.of(), "it must be 1 to 1024"},
                {"direct:send", null, Map.of(), "the message's content (text/plain) is missing"},
                {"direct:event", null, Map.of(), "the event's content type is missing"},
                {"direct:page", null, Map.of(ConnectParticipantConstants.MAX_RESULTS, 101), "MaxResults is 101"},
                {"direct:page", null, Map.of(ConnectParticipantConstants.SORT_ORDER, "SIDEWAYS"), "SortOrder is"},
                {"direct:page", null, Map.of(ConnectParticipantConstants.START_POSITION_ID, "i",
                        ConnectParticipantConstants.START_POSITION_MOST_RECENT, 2), "one start position at most"},
                {"direct:view", null, Map.of(), "the view token is missing"},
                {"direct:auth", null, Map.of(ConnectParticipantConstants.SESSION_ID, "short",
                        ConnectParticipantConstants.REDIRECT_URI, "https://example.com"), "it must be 36 to 36"},
                {"direct:participantHeader", "hi", Map.of(ConnectParticipantConstants.PARTICIPANT_TOKEN, "p\r\nx"),
                        "the participant token holds a control character"}}) {
            @SuppressWarnings("unchecked")
            Exchange exchange = send((String) bad[0], bad[1], (Map<String, Object>) bad[2]);
            ConnectParticipantInvalidInputException refused = assertInstanceOf(
                    ConnectParticipantInvalidInputException.class, exchange.getException(), () -> bad[3].toString());
            assertTrue(refused.getMessage().contains((String) bad[3]), refused::getMessage);
        }
        assertEquals(0, simulator.ledger().callCount(), "nothing was sent");
    }

    @Test
    void eventsWithAndWithoutContent() {
        assertSucceeded(send("direct:event", null, Map.of(ConnectParticipantConstants.CONTENT_TYPE,
                "application/vnd.amazonaws.connect.event.typing")));
        assertSucceeded(send("direct:event", "{\"messageId\":\"m-1\"}", Map.of(ConnectParticipantConstants.CONTENT_TYPE,
                "application/vnd.amazonaws.connect.event.message.read")));
        List<Map<String, Object>> items = simulator.transcript();
        assertEquals(List.of("EVENT", "EVENT"), items.stream().map(i -> i.get("Type")).toList());
        assertFalse(items.get(0).containsKey("Content"));
        assertEquals("{\"messageId\":\"m-1\"}", items.get(1).get("Content"));
    }

    @Test
    void theTranscriptPageByPageOrWhole() {
        for (int i = 1; i <= 25; i++) {
            assertSucceeded(send("direct:send", "line " + i, Map.of()));
        }
        Exchange first = send("direct:page", null, Map.of(ConnectParticipantConstants.SORT_ORDER, "ASCENDING"));
        GetTranscriptResult page = first.getMessage().getBody(GetTranscriptResult.class);
        assertEquals(10, page.getTranscript().size());
        assertEquals("line 1", page.getTranscript().get(0).get("Content"));
        String next = first.getMessage().getHeader(ConnectParticipantConstants.NEXT_TOKEN, String.class);
        assertNotNull(next);
        Exchange second = send("direct:page", null, Map.of(ConnectParticipantConstants.SORT_ORDER, "ASCENDING",
                ConnectParticipantConstants.NEXT_TOKEN, next));
        assertEquals("line 11", second.getMessage().getBody(GetTranscriptResult.class).getTranscript().get(0)
                .get("Content"));

        Exchange whole = send("direct:all", null, Map.of(ConnectParticipantConstants.MAX_RESULTS, 7));
        GetTranscriptResult all = whole.getMessage().getBody(GetTranscriptResult.class);
        assertEquals(25, all.getTranscript().size());
        assertEquals(4, all.getPages());
        assertEquals("line 25", all.getTranscript().get(0).get("Content"), "newest first by default");
        assertNull(whole.getMessage().getHeader(ConnectParticipantConstants.NEXT_TOKEN), "no next page after the last");
        assertEquals("contact-sim-0001", all.getInitialContactId());
    }

    @Test
    void viewsAndAuthentication() {
        simulator.addView("view-token-1", "Appointment");
        Exchange view = send("direct:view", null, Map.of(ConnectParticipantConstants.VIEW_TOKEN, "view-token-1"));
        assertEquals("Appointment", view.getMessage().getBody(DescribeViewResult.class).getView().get("Name"));

        Exchange unknown = send("direct:view", null, Map.of(ConnectParticipantConstants.VIEW_TOKEN, "nope"));
        ConnectParticipantException notFound = failureOf(unknown);
        assertEquals("ResourceNotFoundException", notFound.getErrorCode());
        assertEquals(404, notFound.getStatusCode());
        assertFalse(notFound.isRetryable());

        Exchange auth = send("direct:auth", null, Map.of(ConnectParticipantConstants.SESSION_ID,
                "0d3a8c1e-5b7f-4e2a-9c6d-1f2e3a4b5c6d", ConnectParticipantConstants.REDIRECT_URI,
                "https://x.test/back"));
        assertTrue(auth.getMessage().getHeader(ConnectParticipantConstants.AUTHENTICATION_URL, String.class)
                .contains("session=0d3a8c1e"));
    }

    @Test
    void createParticipantConnectionHandsOutTheTokenInTheBodyOnly() {
        simulator.acceptParticipantTokens(PARTICIPANT_TOKEN);
        Exchange exchange = send("direct:connect", null, Map.of());
        CreateParticipantConnectionResult result = exchange.getMessage()
                .getBody(CreateParticipantConnectionResult.class);
        assertTrue(result.getConnectionToken().startsWith("sim-connection-"));
        assertTrue(result.getConnectionExpiry().isAfter(Instant.now()));
        assertNotNull(result.getWebsocketUrl());
        assertEquals(result.getConnectionExpiry(),
                exchange.getMessage().getHeader(ConnectParticipantConstants.CONNECTION_EXPIRY));
        assertNotNull(exchange.getMessage().getHeader(ConnectParticipantConstants.WEBSOCKET_URL));
        for (Object value : exchange.getMessage().getHeaders().values()) {
            assertFalse(String.valueOf(value).contains(result.getConnectionToken()), "no header holds the token");
        }
        assertFalse(result.toString().contains(result.getConnectionToken()));
    }

    @Test
    void aParticipantTokenIsEnoughAndOneConnectionServesConcurrentMessages() throws Exception {
        simulator.acceptParticipantTokens(PARTICIPANT_TOKEN);
        List<CompletableFuture<Exchange>> messages = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String text = "concurrent " + i;
            messages.add(template.asyncSend("direct:asParticipant", e -> e.getMessage().setBody(text)));
        }
        for (CompletableFuture<Exchange> message : messages) {
            assertSucceeded(message.get());
        }
        assertEquals(100, simulator.transcript().size());
        assertEquals(1, simulator.connectionsCreated(), "100 messages, one CreateParticipantConnection");
        long creations = simulator.ledger().calls().stream()
                .filter(c -> c.operation().equals("/participant/connection")).count();
        assertEquals(1, creations);

        // a participant token in a header serves as well, and makes its own connection
        String other = "chat-participant-token-0002";
        simulator.acceptParticipantTokens(other);
        assertSucceeded(send("direct:participantHeader", "from the header",
                Map.of(ConnectParticipantConstants.PARTICIPANT_TOKEN, other)));
        assertEquals(2, simulator.connectionsCreated());
    }

    @Test
    void aConnectionIsRenewedBeforeItExpiresAndOnceWhenRefused() throws Exception {
        Duration lifetime = Duration.ofSeconds(5);
        simulator.acceptParticipantTokens(PARTICIPANT_TOKEN).connectionTokenLifetime(lifetime);
        assertSucceeded(send("direct:asParticipant", "first", Map.of()));
        assertSucceeded(send("direct:asParticipant", "second", Map.of()));
        assertEquals(1, simulator.connectionsCreated());
        // within the last fifth of its life a token is made anew, never used past its expiry: wait until the token
        // the simulator made is 84% through its life (the call that made it arrived before it was made), which leaves
        // 0.8 s before it expires
        long made = simulator.ledger().calls().stream().filter(c -> c.operation().equals("/participant/connection"))
                .mapToLong(Ledger.Call::arrivedNanos).max().orElseThrow();
        long renewable = made + lifetime.toNanos() * 84 / 100;
        while (System.nanoTime() < renewable) {
            Thread.sleep(Math.max(1, (renewable - System.nanoTime()) / 1_000_000));
        }
        assertSucceeded(send("direct:asParticipant", "third", Map.of()));
        assertEquals(2, simulator.connectionsCreated());
        assertEquals(0, simulator.ledger().calls().stream().filter(c -> c.status() == 403).count());

        // the participant disconnects: the kept token is refused (403), a new one is made once, and the message goes
        simulator.connectionTokenLifetime(Duration.ofHours(1));
        assertSucceeded(send("direct:disconnectAsParticipant", null, Map.of()));
        assertSucceeded(send("direct:asParticipant", "after the disconnect", Map.of()));
        assertEquals(3, simulator.connectionsCreated());
        List<Ledger.Call> messages = simulator.ledger().calls().stream()
                .filter(c -> c.operation().equals("/participant/message")).toList();
        assertEquals(List.of(200, 200, 200, 403, 200), messages.stream().map(Ledger.Call::status).toList());

        // a participant token the service does not know fails, with neither token in the message
        Exchange unknown = send("direct:participantHeader", "x",
                Map.of(ConnectParticipantConstants.PARTICIPANT_TOKEN, "unknown-participant-token"));
        ConnectParticipantException denied = failureOf(unknown);
        assertEquals("AccessDeniedException", denied.getErrorCode());
        assertFalse(denied.getMessage().contains("unknown-participant-token"), denied::getMessage);
    }
}
