package io.github.connectparticipant.camel;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.github.connectparticipant.camel.client.ClientTokens;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientTokensTest extends SimulatorTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return directRoutes("direct:complete", COMPLETE, "direct:fixed", COMPLETE + "&clientToken=fixed-token-1");
    }

    @Test
    void derivationIsStableAndSeparatesKeysAndIds() {
        String token = ClientTokens.derive("message-1", "att-1");
        assertEquals(token, ClientTokens.derive("message-1", "att-1"));
        assertEquals(36, token.length());
        assertTrue(token.matches("[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), token);
        Set<String> tokens = new HashSet<>(List.of(token, ClientTokens.derive("message-2", "att-1"),
                ClientTokens.derive("message-1", "att-2"), ClientTokens.derive("ab", "c"),
                ClientTokens.derive("a", "bc")));
        assertEquals(5, tokens.size());
    }

    private String tokenSentFor(String endpoint, Object body, String headerName, String headerValue, String id) {
        simulator.reset();
        Exchange exchange = template.send(endpoint, e -> {
            e.getMessage().setBody(body);
            if (headerName != null) {
                e.getMessage().setHeader(headerName, headerValue);
            }
        });
        assertNull(exchange.getException());
        return simulator.ledger().completed().get(id);
    }

    @Test
    void tokenDerivesFromTheIdempotencyKeyAndTheId() {
        String first = tokenSentFor("direct:complete", "a-1", ConnectParticipantConstants.IDEMPOTENCY_KEY, "jms-7",
                "a-1");
        String again = tokenSentFor("direct:complete", "a-1", ConnectParticipantConstants.IDEMPOTENCY_KEY, "jms-7",
                "a-1");
        String otherKey = tokenSentFor("direct:complete", "a-1", ConnectParticipantConstants.IDEMPOTENCY_KEY, "jms-8",
                "a-1");
        assertEquals(first, again, "same key and id, same token");
        assertEquals(ClientTokens.derive("jms-7", "a-1"), first);
        assertNotEquals(first, otherKey);
    }

    @Test
    void withoutAKeyTheMessageIdIsTheKeyNotTheExchangeId() {
        Exchange exchange = template.send("direct:complete", e -> {
            e.getMessage().setMessageId("JMS-ID:42");
            e.getMessage().setBody("m-1");
        });
        assertNull(exchange.getException());
        assertEquals(ClientTokens.derive("JMS-ID:42", "m-1"), simulator.ledger().completed().get("m-1"));
        assertNotEquals(ClientTokens.derive(exchange.getExchangeId(), "m-1"),
                simulator.ledger().completed().get("m-1"));

        // two messages without any id of their own get two tokens
        String one = tokenSentFor("direct:complete", "m-2", null, null, "m-2");
        String two = tokenSentFor("direct:complete", "m-2", null, null, "m-2");
        assertNotEquals(one, two);
    }

    @Test
    void eachIdOfAMessageHasItsOwnToken() {
        template.sendBodyAndHeader("direct:complete", List.of("f-1", "f-2", "f-3"),
                ConnectParticipantConstants.IDEMPOTENCY_KEY, "batch-1");
        Set<String> tokens = new HashSet<>(simulator.ledger().completed().values());
        assertEquals(3, tokens.size());
        assertEquals(ClientTokens.derive("batch-1", "f-2"), simulator.ledger().completed().get("f-2"));
    }

    @Test
    void aFixedTokenIsSentAsItIsForOneIdAndDerivedFromForSeveral() {
        assertEquals("fixed-token-1", tokenSentFor("direct:fixed", "x-1", null, null, "x-1"));
        assertEquals("from-header", tokenSentFor("direct:fixed", "x-2", ConnectParticipantConstants.CLIENT_TOKEN,
                "from-header", "x-2"));
        assertEquals("from-body", tokenSentFor("direct:complete",
                "{\"AttachmentIds\":[\"x-3\"],\"ClientToken\":\"from-body\"}", null, null, "x-3"));

        simulator.reset();
        template.sendBody("direct:fixed", List.of("y-1", "y-2"));
        assertEquals(ClientTokens.derive("fixed-token-1", "y-1"), simulator.ledger().completed().get("y-1"));
        assertEquals(ClientTokens.derive("fixed-token-1", "y-2"), simulator.ledger().completed().get("y-2"));
    }
}
