package io.github.connectparticipant.sqs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import io.github.connectparticipant.camel.ConnectParticipantFailureHeaders;
import io.github.connectparticipant.simulator.Fault;
import io.github.connectparticipant.simulator.Ledger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * routes/sqs-to-connectparticipant.yaml on FIFO queues with three consumers: each message group's ids are completed
 * in the order they were sent, a throttled or refused message holds its group's next ones back until it is done, and a
 * dead letter keeps its message group on the FIFO dead-letter queue.
 */
class SqsFifoRouteTest extends SqsRouteTestSupport {

    static final String FIFO_QUEUE = "ordered.fifo";
    static final String FIFO_DEAD_LETTER_QUEUE = "ordered-dlq.fifo";
    static final int PER_GROUP = 20;

    @BeforeAll
    static void createFifoQueues() {
        sqs.createQueues(30, FIFO_QUEUE, FIFO_DEAD_LETTER_QUEUE);
    }

    @Override
    protected void configure(Properties properties) {
        super.configure(properties);
        properties.setProperty("sqs.queue", FIFO_QUEUE);
        properties.setProperty("sqs.deadLetterQueue", FIFO_DEAD_LETTER_QUEUE);
        properties.setProperty("sqs.consumers", "3");
    }

    @Test
    void eachGroupKeepsItsOrder() throws Exception {
        simulator.refuseAttachmentIds("fifo-B-10");
        simulator.faults().scriptFor("fifo-A-05", Fault.throttle(), Fault.throttle());
        simulator.faults().scriptFor("fifo-C-12", Fault.internalError(), Fault.slow(Duration.ofMillis(300)));
        List<String> groups = List.of("A", "B", "C");
        for (String group : groups) {
            List<String> ids = new ArrayList<>();
            for (int i = 1; i <= PER_GROUP; i++) {
                ids.add(id(group, i));
            }
            sqs.send(FIFO_QUEUE, ids, group);
        }

        Ledger ledger = simulator.ledger();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while ((ledger.completed().size() < 3 * PER_GROUP - 1 || sqs.depth(FIFO_QUEUE) > 0)
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(3 * PER_GROUP - 1, ledger.completed().size());
        for (String group : groups) {
            // the ids in the order the service first saw them
            Set<String> called = new LinkedHashSet<>();
            for (Ledger.Call call : ledger.calls()) {
                if (call.attachmentId() != null && call.attachmentId().startsWith("fifo-" + group + "-")) {
                    called.add(call.attachmentId());
                }
            }
            List<String> sent = new ArrayList<>();
            for (int i = 1; i <= PER_GROUP; i++) {
                sent.add(id(group, i));
            }
            assertEquals(sent, new ArrayList<>(called), "group " + group + " in its order");
        }
        List<Map<String, String>> deadLetters = sqs.drain(FIFO_DEAD_LETTER_QUEUE);
        assertEquals(1, deadLetters.size(), deadLetters.toString());
        assertEquals("fifo-B-10", deadLetters.get(0).get("body"));
        assertEquals("B", deadLetters.get(0).get("MessageGroupId"), "the dead letter keeps its group");
        assertEquals("ValidationException", deadLetters.get(0).get(ConnectParticipantFailureHeaders.ERROR_CODE));
        assertTrue(ledger.clientTokensFor("fifo-C-12").size() == 1);
    }

    private static String id(String group, int i) {
        return String.format("fifo-%s-%02d", group, i);
    }
}
