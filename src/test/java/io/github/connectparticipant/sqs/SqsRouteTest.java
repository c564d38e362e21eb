package io.github.connectparticipant.sqs;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.connectparticipant.camel.ConnectParticipantComponent;
import io.github.connectparticipant.camel.ConnectParticipantFailureHeaders;
import io.github.connectparticipant.simulator.Fault;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * routes/sqs-to-connectparticipant.yaml, as shipped, on a real SQS server (ElasticMQ in the test JVM): good messages
 * completed and deleted, refused and failing ones in the dead-letter queue with their reason as message attributes,
 * a message's own idempotency key honoured.
 */
class SqsRouteTest extends SqsRouteTestSupport {

    @Override
    protected void addAround(RouteBuilder builder) {
        // a lone failing message held through an outage, should a slow machine stretch its faults into one, is held
        // for three seconds, not two minutes (FilesRouteTest says more)
        builder.getContext().getComponent("connectparticipant", ConnectParticipantComponent.class).getConfiguration()
                .setMaxWaitForCapacity(3000);
    }

    @Test
    void completesDeletesAndDeadLettersWithTheReasonAsAttributes() throws Exception {
        simulator.refuseAttachmentIds("sqs-bad-1");
        Fault[] down = new Fault[20];
        java.util.Arrays.fill(down, Fault.internalError());
        simulator.faults().scriptFor("sqs-down-1", down);

        sqs.send(QUEUE, List.of("sqs-1", "sqs-2,sqs-3", "{\"AttachmentIds\":[\"sqs-4\"]}", "sqs-bad-1",
                "{\"AttachmentIds\": [", "sqs-down-1"));
        // the same id twice, with the same key: the second is a repeat, not a conflict
        sqs.send(QUEUE, "sqs-5", Map.of("ConnectParticipantIdempotencyKey", "order-1042"));
        sqs.send(QUEUE, "sqs-5", Map.of("ConnectParticipantIdempotencyKey", "order-1042"));

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while ((simulator.ledger().completed().size() < 5 || sqs.depth(QUEUE) > 0)
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        for (String id : List.of("sqs-1", "sqs-2", "sqs-3", "sqs-4", "sqs-5")) {
            assertTrue(simulator.ledger().isCompleted(id), id);
            assertEquals(1, simulator.ledger().clientTokensFor(id).size(), id);
        }
        assertEquals(2, simulator.ledger().callsFor("sqs-5").size(), "two messages, one token: a repeat");
        assertEquals(0, simulator.ledger().calls().stream().filter(c -> c.status() == 409).count(), "no conflict");
        assertEquals(0, sqs.depth(QUEUE), "every message deleted once completed or dead-lettered");

        Map<String, Map<String, String>> deadLetters = new HashMap<>();
        for (Map<String, String> deadLetter : sqs.drain(DEAD_LETTER_QUEUE)) {
            assertEquals(null, deadLetters.put(deadLetter.get("body"), deadLetter), "dead-lettered twice");
        }
        assertEquals(3, deadLetters.size(), deadLetters.toString());
        Map<String, String> refused = deadLetters.get("sqs-bad-1");
        assertEquals("ValidationException", refused.get(ConnectParticipantFailureHeaders.ERROR_CODE));
        assertEquals("400", refused.get(ConnectParticipantFailureHeaders.STATUS_CODE));
        assertEquals("false", refused.get(ConnectParticipantFailureHeaders.RETRYABLE));
        assertEquals("1", refused.get(ConnectParticipantFailureHeaders.ATTEMPTS));
        assertEquals("sqs-bad-1", refused.get(ConnectParticipantFailureHeaders.FAILED_ATTACHMENT_IDS));
        assertNotNull(refused.get(ConnectParticipantFailureHeaders.REQUEST_ID));
        assertTrue(refused.get(ConnectParticipantFailureHeaders.ERROR_MESSAGE).contains("not valid for this contact"));
        assertFalse(refused.containsKey(ConnectParticipantFailureHeaders.COMPLETED_ATTACHMENT_IDS),
                "an empty reason is left out: SQS takes no empty attribute");
        Map<String, String> malformed = deadLetters.get("{\"AttachmentIds\": [");
        assertEquals("ValidationException", malformed.get(ConnectParticipantFailureHeaders.ERROR_CODE));
        assertEquals("0", malformed.get(ConnectParticipantFailureHeaders.ATTEMPTS), "nothing sent");
        Map<String, String> failing = deadLetters.get("sqs-down-1");
        assertEquals("InternalServerException", failing.get(ConnectParticipantFailureHeaders.ERROR_CODE));
        assertEquals("true", failing.get(ConnectParticipantFailureHeaders.RETRYABLE));
        assertEquals("2", failing.get(ConnectParticipantFailureHeaders.REDELIVERIES), "after the route's redeliveries");
        assertThreeDeliveriesOfThreeAttempts("sqs-down-1");
        for (Map<String, String> deadLetter : deadLetters.values()) {
            // the reason and nothing else: the message's own attributes and SQS's are not carried over
            for (String attribute : deadLetter.keySet()) {
                assertTrue(attribute.equals("body") || attribute.equals("ApproximateReceiveCount")
                        || attribute.startsWith("ConnectParticipant") && !attribute.endsWith("IdempotencyKey"),
                        attribute);
            }
        }
    }
}
