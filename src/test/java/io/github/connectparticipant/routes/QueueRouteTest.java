package io.github.connectparticipant.routes;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.connectparticipant.camel.ConnectParticipantFailureHeaders;
import io.github.connectparticipant.simulator.Fault;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * routes/queue-to-connectparticipant.yaml, as shipped, against the simulator and a real embedded Artemis broker.
 */
class QueueRouteTest extends QueueRouteTestSupport {

    @Override
    protected void addAround(RouteBuilder builder) throws Exception {
        super.addAround(builder);
        builder.from("jms:queue:attachments.DLQ").to("mock:dlq");
    }

    private static String json(String token, String... ids) {
        String idList = List.of(ids).stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(","));
        return "{\"AttachmentIds\":[" + idList + "]" + (token != null ? ",\"ConnectionToken\":\"" + token + "\"" : "")
                + "}";
    }

    @Test
    void deliversGoodMessagesAndDeadLettersTheRestWithTheirReason() throws Exception {
        simulator.refuseAttachmentIds("q-bad");
        simulator.faults().scriptFor("q-busy", Fault.throttle(), Fault.throttle(), Fault.throttle());
        MockEndpoint dlq = getMockEndpoint("mock:dlq");
        dlq.expectedMessageCount(3);

        Map<String, String> messages = Map.of(
                "two ids", json(TOKEN, "q-1", "q-2"),
                "plain id, token from the route", "q-3",
                "throttled three times, waits its turn at the learned rate, completed", json(TOKEN, "q-busy"),
                "refused id", json(TOKEN, "q-4", "q-bad"),
                "malformed", "{\"AttachmentIds\":[",
                "unknown token", json("not-a-known-token", "q-5"));
        for (String body : messages.values()) {
            template.sendBody("jms:queue:attachments", body);
        }

        dlq.assertIsSatisfied(30_000);
        awaitEmpty("attachments");

        for (String id : List.of("q-1", "q-2", "q-3", "q-busy", "q-4")) {
            assertTrue(simulator.ledger().isCompleted(id), id);
            assertEquals(1, simulator.ledger().clientTokensFor(id).size(), id);
        }
        assertFalse(simulator.ledger().isCompleted("q-bad"));
        assertFalse(simulator.ledger().isCompleted("q-5"));

        Map<String, Long> byCode = dlq.getReceivedExchanges().stream().collect(Collectors.groupingBy(
                e -> e.getMessage().getHeader(ConnectParticipantFailureHeaders.ERROR_CODE, String.class),
                Collectors.counting()));
        assertEquals(Map.of("ValidationException", 2L, "AccessDeniedException", 1L), byCode);

        Exchange refused = dlq.getReceivedExchanges().stream()
                .filter(e -> e.getMessage().getBody(String.class).contains("q-bad")).findFirst().orElseThrow();
        assertEquals(json(TOKEN, "q-4", "q-bad"), refused.getMessage().getBody(String.class), "the message as it came");
        assertEquals(400, refused.getMessage().getHeader(ConnectParticipantFailureHeaders.STATUS_CODE, Integer.class));
        assertEquals(false, refused.getMessage().getHeader(ConnectParticipantFailureHeaders.RETRYABLE, Boolean.class));
        assertEquals(0, refused.getMessage().getHeader(ConnectParticipantFailureHeaders.REDELIVERIES, Integer.class));
        assertEquals("q-4", refused.getMessage().getHeader(ConnectParticipantFailureHeaders.COMPLETED_ATTACHMENT_IDS));
        assertEquals("q-bad", refused.getMessage().getHeader(ConnectParticipantFailureHeaders.FAILED_ATTACHMENT_IDS));
        assertTrue(
                refused.getMessage().getHeader(ConnectParticipantFailureHeaders.REQUEST_ID, String.class).length() > 0);

        Exchange denied = dlq.getReceivedExchanges().stream()
                .filter(e -> e.getMessage().getBody(String.class).contains("q-5")).findFirst().orElseThrow();
        assertEquals(403, denied.getMessage().getHeader(ConnectParticipantFailureHeaders.STATUS_CODE, Integer.class));
        assertFalse(denied.getMessage().getHeader(ConnectParticipantFailureHeaders.ERROR_MESSAGE, String.class)
                .contains("not-a-known-token"), "the token stays out of the reason");
        assertEquals(4, simulator.ledger().callsFor("q-busy").size(), "3 throttled calls, then the one that completed");
    }
}
