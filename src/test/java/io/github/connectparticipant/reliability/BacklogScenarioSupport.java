package io.github.connectparticipant.reliability;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.github.connectparticipant.camel.ConnectParticipantComponent;
import io.github.connectparticipant.camel.ProducerHealth;
import io.github.connectparticipant.routes.QueueRouteTestSupport;
import io.github.connectparticipant.simulator.Ledger;
import io.github.connectparticipant.simulator.ParticipantServiceSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A backlog that meets the service's quota, or an outage, through routes/queue-to-connectparticipant.yaml as shipped
 * (its redelivery policy: 2 redeliveries, 1 s doubling, retryable failures only), the component with its default
 * options, a real embedded Artemis broker, and the simulator enforcing a token-bucket quota (a burst of one second's
 * calls, 429 without Retry-After). The messages are queued at once, then the route starts.
 */
abstract class BacklogScenarioSupport extends QueueRouteTestSupport {

    static final String ROUTE_ID = "queue-to-connectparticipant";

    final Map<String, Exchange> deadLetters = new ConcurrentHashMap<>();

    /** What one scenario measured. */
    record Figures(int messages, double seconds, double idealSeconds, int calls, int throttled, int deadLettered,
            int callsDuringOutage, double secondsToFirstSuccessAfterOutage, boolean healthDownDuringOutage,
            boolean healthDownOutsideOutage, boolean healthUpAtTheEnd) {

        double throttledShare() {
            return throttled / (double) calls;
        }

        double drainRatio() {
            return seconds / idealSeconds;
        }
    }

    /** Concurrent consumers of the route. */
    abstract int consumers();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camelContext = super.createCamelContext();
        ProducerHealth.enable(camelContext);
        return camelContext;
    }

    @Override
    protected void configure(Properties properties) {
        properties.setProperty("queue.consumers", Integer.toString(consumers()));
        // the shipped route's redelivery delay, not RouteTestSupport's short one
        properties.setProperty("redelivery.delay", "1000");
    }

    @Override
    protected void addAround(RouteBuilder builder) throws Exception {
        super.addAround(builder);
        // the component's defaults, not RouteTestSupport's short backoff
        builder.getContext().getComponent("connectparticipant", ConnectParticipantComponent.class).getConfiguration()
                .setRetryBaseDelay(100);
        builder.from("jms:queue:attachments.DLQ").process(e -> deadLetters.put(e.getMessage().getBody(String.class),
                e.copy()));
    }

    /**
     * Queues the messages with the route stopped, sets the quota (and the outage, from the route's start), starts the
     * route and waits until every message is completed or dead-lettered; checks that none was lost, none
     * dead-lettered, and every id completed under one client token; writes the figures to
     * target/reliability/{scenario}.properties.
     */
    Figures drain(String scenario, int messages, double quota, Duration outage) throws Exception {
        return drain(scenario, messages, quota, "token bucket, burst of one second's calls",
                simulator -> simulator.quota(quota), outage);
    }

    /**
     * The same against a quota of another shape, set by setQuota, that admits callsPerSecond calls a second (the
     * ideal's rate), named in the figures.
     */
    Figures drain(String scenario, int messages, double callsPerSecond, String shape,
            Consumer<ParticipantServiceSimulator> setQuota, Duration outage) throws Exception {
        double quota = callsPerSecond;
        context.getRouteController().stopRoute(ROUTE_ID);
        for (int i = 0; i < messages; i++) {
            template.sendBody("jms:queue:attachments", id(scenario, i));
        }
        setQuota.accept(simulator);
        long start = System.nanoTime();
        if (!outage.isZero()) {
            simulator.outage(outage);
        }
        context.getRouteController().startRoute(ROUTE_ID);
        long deadline = start + Duration.ofMinutes(5).toNanos();
        long outageEnd = start + outage.toNanos();
        boolean downDuringOutage = false;
        boolean downOutsideOutage = false;
        while (simulator.ledger().completed().size() + deadLetters.size() < messages && System.nanoTime() < deadline) {
            // what an operator's health endpoint shows while the backlog drains
            long sampled = System.nanoTime();
            boolean down = ProducerHealth.of(context, simulator.baseUrl()).getState() == HealthCheck.State.DOWN;
            if (sampled < outageEnd) {
                downDuringOutage |= down;
            } else if (sampled > outageEnd + TimeUnit.SECONDS.toNanos(2)) {
                // the first answer after the outage ends it: the next probe comes within a second
                downOutsideOutage |= down;
            }
            Thread.sleep(50);
        }
        long end = System.nanoTime();
        boolean upAtTheEnd = ProducerHealth.settled(context, simulator.baseUrl()).getState() == HealthCheck.State.UP;
        double seconds = (end - start) / 1e9;

        Ledger ledger = simulator.ledger();
        List<Ledger.Call> calls = ledger.calls();
        int throttled = (int) calls.stream().filter(c -> c.status() == 429).count();
        int duringOutage = (int) calls.stream().filter(c -> c.arrivedNanos() < outageEnd).count();
        double firstSuccessAfterOutage = calls.stream().filter(c -> c.status() == 200)
                .mapToLong(Ledger.Call::arrivedNanos).min().orElse(end) - outageEnd;
        Figures figures = new Figures(messages, seconds, outage.toSeconds() + messages / quota, calls.size(),
                throttled, deadLetters.size(), outage.isZero() ? 0 : duringOutage,
                outage.isZero() ? 0 : firstSuccessAfterOutage / 1e9, downDuringOutage, downOutsideOutage, upAtTheEnd);

        Map<String, String> report = new TreeMap<>();
        report.put("messages", Integer.toString(messages));
        report.put("consumers", Integer.toString(consumers()));
        report.put("quotaPerSecond", Double.toString(quota));
        report.put("quotaShape", shape);
        report.put("outageSeconds", Long.toString(outage.toSeconds()));
        report.put("seconds", String.format("%.1f", seconds));
        report.put("drainRatioToIdeal", String.format("%.2f", figures.drainRatio()));
        report.put("calls", Integer.toString(calls.size()));
        report.put("callsPerMessage", String.format("%.2f", calls.size() / (double) messages));
        report.put("throttled", Integer.toString(throttled));
        report.put("throttledShare", String.format("%.3f", figures.throttledShare()));
        report.put("deadLettered", Integer.toString(deadLetters.size()));
        if (!outage.isZero()) {
            report.put("callsDuringOutage", Integer.toString(duringOutage));
            report.put("callsPerSecondDuringOutage", String.format("%.2f", duringOutage / (double) outage.toSeconds()));
            report.put("secondsToFirstSuccessAfterOutage",
                    String.format("%.2f", figures.secondsToFirstSuccessAfterOutage()));
            report.put("healthDownDuringOutage", Boolean.toString(downDuringOutage));
        }
        report.put("healthDownOutsideOutage", Boolean.toString(downOutsideOutage));
        report.put("healthUpAtTheEnd", Boolean.toString(upAtTheEnd));
        ReliabilityReport.write(scenario, report);

        assertEquals(Map.of(), deadLetters, "no valid message dead-lettered");
        assertFalse(downOutsideOutage, "the producers' health check is DOWN only while the service is");
        assertTrue(upAtTheEnd, "the producers' health check is UP once the service answers");
        for (int i = 0; i < messages; i++) {
            String id = id(scenario, i);
            assertTrue(ledger.isCompleted(id), id + " lost");
            assertEquals(1, ledger.clientTokensFor(id).size(), id + ": one client token across every wait and retry");
        }
        awaitEmpty("attachments");
        return figures;
    }

    static String id(String scenario, int i) {
        return String.format("%s-%04d", scenario, i);
    }
}
