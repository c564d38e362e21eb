package io.github.connectparticipant.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.github.connectparticipant.camel.ConnectParticipantComponent;
import io.github.connectparticipant.camel.ConnectParticipantConfiguration;
import io.github.connectparticipant.camel.ConnectParticipantFailureHeaders;
import io.github.connectparticipant.routes.QueueRouteTestSupport;
import io.github.connectparticipant.simulator.FaultRates;
import io.github.connectparticipant.simulator.Ledger;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fault campaign: 1,000 messages through routes/queue-to-connectparticipant.yaml as shipped (a real embedded
 * Artemis broker, 8 consumers, its redelivery policy) against a simulator that throttles what exceeds its quota of 50
 * calls a second and, whatever the rate, injects at random 10% 429 ThrottlingException, 10% 500, 5% 503 without a body,
 * 5% dropped connections and 3% answers slower than the response timeout, and refuses a known 5% of the ids. The
 * component has its default options but one: a response timeout of 400 ms (30 s by default), so that the slow answers
 * time out in a test's time ({@link FaultCampaignDefaultsIT} runs the same campaign with every default, its slow
 * answers then under the timeout). Every message must end completed or dead-lettered once, the refused ids at once and
 * only they, and every call for an id must carry one client token. The figures go to
 * target/reliability/fault-campaign.properties.
 */
class FaultCampaignIT extends QueueRouteTestSupport {

    static final int MESSAGES = 1000;
    static final long RESPONSE_TIMEOUT = 400;
    static final double QUOTA = 50;

    static final Set<String> refused = new HashSet<>();
    /** Every dead letter, in arrival order: a message dead-lettered twice shows twice. */
    static final List<Exchange> deadLetters = Collections.synchronizedList(new ArrayList<>());

    /** The response timeout the campaign sets, or null to keep the component's default. */
    protected Long responseTimeoutOption() {
        return RESPONSE_TIMEOUT;
    }

    /** How long a slow answer waits. */
    protected Duration slowAnswer() {
        return Duration.ofMillis(RESPONSE_TIMEOUT * 2);
    }

    /** Where the figures go: target/reliability/{name}.properties. */
    protected String scenario() {
        return "fault-campaign";
    }

    /** The random faults, whatever the rate. */
    private FaultRates faults() {
        return new FaultRates(0.10, 0, 0.10, 0.05, 0.05, 0.03, slowAnswer(), 20261125);
    }

    private long effectiveResponseTimeout() {
        Long option = responseTimeoutOption();
        return option != null ? option : new ConnectParticipantConfiguration().getResponseTimeout();
    }

    @BeforeEach
    void noDeadLettersYet() {
        deadLetters.clear();
    }

    @BeforeAll
    static void refuseEveryTwentiethId() {
        for (int i = 0; i < MESSAGES; i += 20) {
            refused.add(id(i));
        }
    }

    static String id(int i) {
        return String.format("campaign-%04d", i);
    }

    @Override
    protected void configure(Properties properties) {
        properties.setProperty("queue.consumers", "8");
        // the shipped route's redelivery delay, not RouteTestSupport's short one
        properties.setProperty("redelivery.delay", "1000");
    }

    @Override
    protected void addAround(RouteBuilder builder) throws Exception {
        super.addAround(builder);
        ConnectParticipantComponent component = builder.getContext().getComponent("connectparticipant",
                ConnectParticipantComponent.class);
        if (responseTimeoutOption() != null) {
            component.getConfiguration().setResponseTimeout(responseTimeoutOption());
        }
        // the component's default backoff, not RouteTestSupport's short one
        component.getConfiguration().setRetryBaseDelay(new ConnectParticipantConfiguration().getRetryBaseDelay());
        builder.from("jms:queue:attachments.DLQ?concurrentConsumers=2").process(e -> deadLetters.add(e.copy()));
    }

    @Test
    void everyMessageEndsCompletedOrDeadLetteredAndNoIdChangesItsToken() throws Exception {
        simulator.refuseAttachmentIds(refused);
        simulator.quota(QUOTA);
        simulator.faults().rates(faults());
        long start = System.nanoTime();
        for (int i = 0; i < MESSAGES; i++) {
            template.sendBody("jms:queue:attachments", id(i));
        }
        long deadline = start + Duration.ofMinutes(5).toNanos();
        while (completedOrDead() < MESSAGES && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        Ledger ledger = simulator.ledger();
        Map<String, Exchange> deadById = new TreeMap<>();
        List<String> deadLetteredIds = new ArrayList<>();
        synchronized (deadLetters) {
            for (Exchange dead : deadLetters) {
                String id = dead.getMessage().getBody(String.class);
                deadLetteredIds.add(id);
                deadById.put(id, dead);
            }
        }
        Map<String, Boolean> retryableByDeadId = new TreeMap<>();
        Map<String, Integer> deadByReason = new TreeMap<>();
        deadById.forEach((id, dead) -> {
            retryableByDeadId.put(id,
                    dead.getMessage().getHeader(ConnectParticipantFailureHeaders.RETRYABLE, Boolean.class));
            deadByReason.merge(dead.getMessage().getHeader(ConnectParticipantFailureHeaders.ERROR_CODE, String.class),
                    1, Integer::sum);
        });
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            ids.add(id(i));
        }
        CampaignOutcome outcome = CampaignOutcome.of(ids, ledger, retryableByDeadId, refused,
                effectiveResponseTimeout());

        Map<String, String> figures = new TreeMap<>();
        figures.put("messages", Integer.toString(MESSAGES));
        figures.put("responseTimeoutMillis", Long.toString(effectiveResponseTimeout()));
        figures.put("slowAnswerMillis", Long.toString(slowAnswer().toMillis()));
        figures.put("seconds", String.format("%.1f", seconds));
        figures.put("faultsInjected", Integer.toString(outcome.calls() - outcome.answered(200)
                - outcome.answered(400)));
        figures.put("completed", Integer.toString(ledger.completed().size()));
        figures.put("deadLettered", Integer.toString(deadLetters.size()));
        deadByReason.forEach((code, count) -> figures.put("deadLettered." + code, Integer.toString(count)));
        figures.putAll(outcome.figures());
        ReliabilityReport.write(scenario(), figures);

        outcome.assertNothingLostOrDoubled();
        for (String id : refused) {
            assertTrue(deadById.containsKey(id), id + " refused, so dead-lettered");
        }
        List<String> sortedDeadLetters = new ArrayList<>(deadLetteredIds);
        Collections.sort(sortedDeadLetters);
        assertEquals(new ArrayList<>(new TreeSet<>(refused)), sortedDeadLetters,
                "exactly the refused ids dead-lettered, each once");
        assertEquals(refused.size(), deadByReason.getOrDefault("ValidationException", 0));
        outcome.assertFaultsInjectedAtTheirRates(faults());
        assertTrue(seconds < 240, "bounded: " + seconds + " s");
        awaitEmpty("attachments");
    }

    private int completedOrDead() {
        int count = deadLetters.size();
        for (int i = 0; i < MESSAGES; i++) {
            if (simulator.ledger().isCompleted(id(i))) {
                count++;
            }
        }
        return count;
    }
}
