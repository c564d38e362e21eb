package io.github.connectparticipant.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.github.connectparticipant.camel.ConnectParticipantComponent;
import io.github.connectparticipant.camel.ConnectParticipantFailureHeaders;
import io.github.connectparticipant.simulator.FaultRates;
import io.github.connectparticipant.simulator.Ledger;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import io.github.connectparticipant.routes.QueueRouteTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fault campaign: 1,000 messages through routes/queue-to-connectparticipant.yaml (a real embedded Artemis broker,
 * 8 consumers) against a simulator that throttles what exceeds its quota of 50 calls a second (as the service's quotas
 * do: throttling follows the rate; a service that throttled at random, whatever the rate, would teach the learned
 * rate to go ever slower), injects at random 10% 500, 5% 503 without a body, 5% dropped connections and 3% answers
 * slower than the response timeout, and refuses a known 5% of the ids. Every message must end completed or
 * dead-lettered, refused ids at once, and every call for an id must carry one client token. The figures go to target/reliability/fault-campaign.properties.
 */
class FaultCampaignIT extends QueueRouteTestSupport {

    static final int MESSAGES = 1000;
    static final long RESPONSE_TIMEOUT = 400;
    static final double QUOTA = 50;

    static final Set<String> refused = new HashSet<>();
    static final Map<String, Exchange> deadLetters = new ConcurrentHashMap<>();

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
        properties.setProperty("redelivery.delay", "50");
    }

    @Override
    protected void addAround(RouteBuilder builder) throws Exception {
        super.addAround(builder);
        ConnectParticipantComponent component
                = builder.getContext().getComponent("connectparticipant", ConnectParticipantComponent.class);
        component.getConfiguration().setResponseTimeout(RESPONSE_TIMEOUT);
        // Retry-After: 1 is honoured, capped at this
        component.getConfiguration().setRetryMaxDelay(300);
        component.getConfiguration().setMaxConnections(16);
        builder.from("jms:queue:attachments.DLQ?concurrentConsumers=2")
                .process(e -> deadLetters.put(e.getMessage().getBody(String.class), e.copy()));
    }

    @Test
    void everyMessageEndsCompletedOrDeadLetteredAndNoIdChangesItsToken() throws Exception {
        simulator.refuseAttachmentIds(refused);
        simulator.quota(QUOTA);
        simulator.faults().rates(new FaultRates(0, 0, 0.10, 0.05, 0.05, 0.03,
                Duration.ofMillis(RESPONSE_TIMEOUT * 2), 20261125));
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
        List<String> lost = new ArrayList<>();
        Map<String, Integer> deadByReason = new TreeMap<>();
        int retryableExhausted = 0;
        for (int i = 0; i < MESSAGES; i++) {
            String id = id(i);
            boolean completed = ledger.isCompleted(id);
            Exchange dead = deadLetters.get(id);
            if (completed == (dead != null)) {
                lost.add(id + (completed ? " (both completed and dead-lettered)" : " (neither)"));
            }
            assertEquals(1, ledger.clientTokensFor(id).size(), id + ": one client token for every attempt");
            if (dead != null) {
                String code = dead.getMessage().getHeader(ConnectParticipantFailureHeaders.ERROR_CODE, String.class);
                deadByReason.merge(code, 1, Integer::sum);
                if (dead.getMessage().getHeader(ConnectParticipantFailureHeaders.RETRYABLE, Boolean.class)) {
                    retryableExhausted++;
                }
            }
        }
        int callsAfterRefusal = 0;
        for (String id : refused) {
            assertTrue(deadLetters.containsKey(id), id + " refused, so dead-lettered");
            List<Ledger.Call> calls = ledger.callsFor(id);
            // a refusal answered after the response timeout (a slow answer) never reached the component, which had given
            // up on that attempt and may have sent another; none may arrive after a refusal it received
            long firstRefusal = calls.stream()
                    .filter(c -> c.status() == 400 && c.answeredNanos() - c.arrivedNanos() < RESPONSE_TIMEOUT * 1_000_000)
                    .mapToLong(Ledger.Call::answeredNanos).min().orElseThrow();
            callsAfterRefusal += (int) calls.stream().filter(c -> c.arrivedNanos() > firstRefusal).count();
        }
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (Ledger.Call call : ledger.calls()) {
            statuses.merge(call.status(), 1, Integer::sum);
        }

        Properties figures = new Properties();
        figures.setProperty("messages", Integer.toString(MESSAGES));
        figures.setProperty("seconds", String.format("%.1f", seconds));
        figures.setProperty("calls", Integer.toString(ledger.callCount()));
        figures.setProperty("faultsInjected", Integer.toString(ledger.callCount() - statuses.getOrDefault(200, 0)
                                                                - statuses.getOrDefault(400, 0)));
        statuses.forEach((status, count) -> figures.setProperty("answers." + (status == 0 ? "dropped" : status),
                Integer.toString(count)));
        figures.setProperty("completed", Integer.toString(ledger.completed().size()));
        figures.setProperty("deadLettered", Integer.toString(deadLetters.size()));
        deadByReason.forEach((code, count) -> figures.setProperty("deadLettered." + code, Integer.toString(count)));
        figures.setProperty("deadLettered.retryableExhausted", Integer.toString(retryableExhausted));
        figures.setProperty("lost", Integer.toString(lost.size()));
        figures.setProperty("idsWithMoreThanOneToken", "0");
        figures.setProperty("conflicts", Integer.toString(statuses.getOrDefault(409, 0)));
        Path report = Path.of("target", "reliability", "fault-campaign.properties");
        Files.createDirectories(report.getParent());
        try (var out = Files.newBufferedWriter(report)) {
            figures.store(out, "FaultCampaignIT");
        }
        System.out.println("Fault campaign: " + new TreeMap<>(figures));

        assertEquals(List.of(), lost, "every message ends completed or dead-lettered, once");
        assertEquals(0, callsAfterRefusal, "a refused id is never sent again");
        assertEquals(0, statuses.getOrDefault(409, 0), "no id completed twice under different tokens");
        assertEquals(refused.size(), deadByReason.getOrDefault("ValidationException", 0));
        assertTrue(retryableExhausted <= MESSAGES / 100, "retryable failures rarely exhaust: " + retryableExhausted);
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
