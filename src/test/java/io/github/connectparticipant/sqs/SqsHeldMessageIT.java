package io.github.connectparticipant.sqs;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.connectparticipant.reliability.ReliabilityReport;
import io.github.connectparticipant.simulator.Ledger;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SQS hands a message to another consumer once its visibility timeout passes, whether or not the first is done. The
 * shipped route with its defaults (a 30 s timeout, extended while a message is processed), four consumers, two
 * messages, and a service down for 60 s: both are held for capacity through the outage, twice the visibility
 * timeout, while two consumers poll for work, and each must be received once and completed once.
 */
class SqsHeldMessageIT extends SqsRouteTestSupport {

    /** How many times each SQS message was received by the route. */
    static final Map<String, AtomicInteger> receives = new ConcurrentHashMap<>();

    @Override
    protected void configure(Properties properties) {
        super.configure(properties);
        properties.setProperty("sqs.consumers", "4");
        useShippedRedeliveryDelay(properties);
    }

    @Override
    protected void addAround(RouteBuilder builder) throws Exception {
        useComponentDefaults(builder, 0);
        builder.getContext().getManagementStrategy().addEventNotifier(new EventNotifierSupport() {

            @Override
            public void notify(CamelEvent event) {
                if (event instanceof CamelEvent.ExchangeCreatedEvent created
                        && created.getExchange().getFromEndpoint() != null
                        && created.getExchange().getFromEndpoint().getEndpointUri().startsWith("aws2-sqs")) {
                    String messageId = created.getExchange().getMessage().getHeader("CamelAwsSqsMessageId",
                            String.class);
                    receives.computeIfAbsent(messageId, id -> new AtomicInteger()).incrementAndGet();
                }
            }
        });
    }

    @Test
    void aMessageHeldLongerThanTheVisibilityTimeoutIsReceivedOnce() throws Exception {
        simulator.outage(Duration.ofSeconds(60));
        long start = System.nanoTime();
        sqs.send(QUEUE, List.of("held-1", "held-2"));
        Ledger ledger = simulator.ledger();
        long deadline = start + Duration.ofSeconds(150).toNanos();
        while ((ledger.completed().size() < 2 || sqs.depth(QUEUE) > 0) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(ledger.isCompleted("held-1") && ledger.isCompleted("held-2"), "both completed after the outage");
        assertTrue(seconds >= 60, "held through the outage, not dead-lettered: " + seconds);
        assertEquals(2, receives.size(), receives.toString());
        for (Map.Entry<String, AtomicInteger> received : receives.entrySet()) {
            assertEquals(1, received.getValue().get(), "received once: " + received.getKey());
        }
        assertEquals(1, ledger.calls().stream().filter(c -> "held-1".equals(c.attachmentId()) && c.status() == 200)
                .count(), "completed once");
        assertEquals(1, ledger.calls().stream().filter(c -> "held-2".equals(c.attachmentId()) && c.status() == 200)
                .count(), "completed once");
        assertEquals(0, sqs.depth(QUEUE));
        ReliabilityReport.write("sqs-held-messages", "messages", 2, "completedAfterSeconds",
                String.format("%.1f", seconds), "receives", receives.values().stream().mapToInt(r -> r.get()).sum(),
                "calls", ledger.callCount());
    }
}
