package io.github.connectparticipant.sqs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import io.github.connectparticipant.camel.ConnectParticipantFailureHeaders;
import io.github.connectparticipant.reliability.CampaignOutcome;
import io.github.connectparticipant.reliability.ReliabilityReport;
import io.github.connectparticipant.simulator.FaultRates;
import io.github.connectparticipant.simulator.Ledger;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * routes/sqs-to-connectparticipant.yaml, as shipped, on a real SQS server (ElasticMQ): 1,000 messages, eight
 * consumers, against a simulator that throttles what exceeds its quota and, whatever the rate, injects at random 429s,
 * 500s, 503s, dropped connections and slow answers, and refuses a known 5% of the ids; the component's defaults but
 * its response timeout. Every message must end completed or in the dead-letter queue (exactly the refused ids, once
 * each, with their reason as message attributes), every id under one client token, and the queue must end empty.
 */
class SqsFaultCampaignIT extends SqsRouteTestSupport {

    static final int MESSAGES = 1000;

    static final Set<String> refused = new HashSet<>();
    static final long RESPONSE_TIMEOUT = 400;
    /** The random faults, whatever the rate; the slow answers twice the response timeout. */
    static final FaultRates FAULTS = new FaultRates(0.10, 0, 0.10, 0.05, 0.05, 0.03,
            Duration.ofMillis(2 * RESPONSE_TIMEOUT), 20261129);

    static {
        for (int i = 0; i < MESSAGES; i += 20) {
            refused.add(id(i));
        }
    }

    static String id(int i) {
        return String.format("sqs-%04d", i);
    }

    @Override
    protected void configure(Properties properties) {
        super.configure(properties);
        properties.setProperty("sqs.consumers", "8");
        useShippedRedeliveryDelay(properties);
    }

    @Override
    protected void addAround(RouteBuilder builder) {
        // the component's defaults but the response timeout (30 s), so that the slow answers time out in a test's time
        useComponentDefaults(builder, RESPONSE_TIMEOUT);
    }

    @Test
    void everyMessageEndsCompletedOrDeadLetteredOnceAndNoIdChangesItsToken() throws Exception {
        simulator.refuseAttachmentIds(refused);
        simulator.quota(50);
        simulator.faults().rates(FAULTS);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            ids.add(id(i));
        }
        long start = System.nanoTime();
        sqs.send(QUEUE, ids);
        Ledger ledger = simulator.ledger();
        List<Map<String, String>> deadLetters = new ArrayList<>();
        long deadline = start + Duration.ofMinutes(4).toNanos();
        while ((ledger.completed().size() + deadLetters.size() < MESSAGES || sqs.depth(QUEUE) > 0)
                && System.nanoTime() < deadline) {
            Thread.sleep(500);
            deadLetters.addAll(sqs.drain(DEAD_LETTER_QUEUE));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Thread.sleep(1000);
        deadLetters.addAll(sqs.drain(DEAD_LETTER_QUEUE));

        Map<String, Map<String, String>> deadById = new HashMap<>();
        List<String> deadLetteredIds = new ArrayList<>();
        for (Map<String, String> dead : deadLetters) {
            deadLetteredIds.add(dead.get("body"));
            deadById.put(dead.get("body"), dead);
        }
        Map<String, Boolean> retryableByDeadId = new HashMap<>();
        deadById.forEach((id, dead) -> retryableByDeadId.put(id,
                Boolean.parseBoolean(dead.get(ConnectParticipantFailureHeaders.RETRYABLE))));
        CampaignOutcome outcome = CampaignOutcome.of(ids, ledger, retryableByDeadId, refused, RESPONSE_TIMEOUT);
        Map<String, String> report = new LinkedHashMap<>();
        report.put("messages", Integer.toString(MESSAGES));
        report.put("seconds", String.format("%.1f", seconds));
        report.put("completed", Integer.toString(ledger.completed().size()));
        report.put("deadLettered", Integer.toString(deadLetteredIds.size()));
        report.put("queueDepth", Long.toString(sqs.depth(QUEUE)));
        report.putAll(outcome.figures());
        ReliabilityReport.write("sqs-fault-campaign", report);
        outcome.assertNothingLostOrDoubled();
        for (String id : refused) {
            Map<String, String> dead = deadById.get(id);
            assertTrue(dead != null, id + " refused, so dead-lettered");
            assertEquals("ValidationException", dead.get(ConnectParticipantFailureHeaders.ERROR_CODE), id);
            assertEquals("400", dead.get(ConnectParticipantFailureHeaders.STATUS_CODE), id);
            assertTrue(dead.get(ConnectParticipantFailureHeaders.ERROR_MESSAGE).contains(id), id);
        }
        Collections.sort(deadLetteredIds);
        assertEquals(new ArrayList<>(new TreeSet<>(refused)), deadLetteredIds,
                "exactly the refused ids dead-lettered, each once");
        outcome.assertFaultsInjectedAtTheirRates(FAULTS);
        assertEquals(0, sqs.depth(QUEUE), "every message deleted");
    }
}
