package io.github.connectparticipant.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import io.github.connectparticipant.camel.ConnectParticipantComponent;
import io.github.connectparticipant.camel.ConnectParticipantEndpoint;
import io.github.connectparticipant.demo.EmbeddedBroker;
import io.github.connectparticipant.routes.QueueRouteTestSupport;
import io.github.connectparticipant.simulator.FaultRates;
import io.github.connectparticipant.simulator.Ledger;
import io.github.connectparticipant.simulator.ParticipantServiceSimulator;
import org.apache.activemq.artemis.jms.client.ActiveMQJMSConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A brownout: a service that fails a share of its calls at random, whatever the rate, throttles included, through
 * routes/queue-to-connectparticipant.yaml as shipped (8 consumers, its redelivery policy), a real embedded Artemis
 * broker and the component with its default options. Random throttles are not a quota: the component must keep the
 * pace the service can serve, dead-letter nothing that could still succeed, and not take a degraded service for a
 * down one. Each run has a Camel context of its own, so that two runs compare side by side in one JVM. The figures go
 * to target/reliability/brownout-*.properties.
 */
class BrownoutIT {

    static final String TOKEN = "brownout-token";
    static final String ROUTE_ID = "queue-to-connectparticipant";
    static final int CONSUMERS = 8;

    /** The mix: 10% 429, 10% 500, 5% 503, 5% dropped connections, 3% slow answers, whatever the rate. */
    static final FaultRates MIX = new FaultRates(0.10, 0, 0.10, 0.05, 0.05, 0.03, Duration.ofSeconds(1), 20261129);

    @TempDir
    static Path brokerData;
    static EmbeddedBroker broker;
    static ParticipantServiceSimulator simulator;

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedBroker.start(brokerData, 0);
        simulator = ParticipantServiceSimulator.start(0).acceptConnectionTokens(TOKEN);
    }

    @AfterAll
    static void stop() throws Exception {
        simulator.close();
        broker.close();
    }

    /** What one run measured. */
    record Run(String name, int messages, double seconds, int calls, int throttled, long quotaThrottled,
            List<String> deadLettered,
            long outages, List<String> lost, List<String> idsWithMoreThanOneToken) {
    }

    @Test
    void randomFaultsWithoutAQuotaKeepThePaceOfAnUnpacedClient() throws Exception {
        int messages = 1000;
        Run learned = drain("brownout-learned", messages, 0, MIX, true);
        Run unpaced = drain("brownout-unpaced", messages, 0, MIX, false);
        double ratio = learned.seconds() / unpaced.seconds();
        Map<String, String> report = report(learned);
        report.put("unpaced.seconds", String.format("%.1f", unpaced.seconds()));
        report.put("unpaced.deadLettered", Integer.toString(unpaced.deadLettered().size()));
        report.put("unpaced.calls", Integer.toString(unpaced.calls()));
        report.put("timeVsUnpaced", String.format("%.2f", ratio));
        ReliabilityReport.write("brownout-no-quota", report);

        assertEverythingCompleted(learned);
        assertEquals(List.of(), learned.deadLettered(), "no retryable message dead-lettered");
        assertEquals(0, learned.outages(), "a service that serves two calls in three is degraded, not down");
        assertTrue(learned.throttled() > messages / 20, "the throttles were injected: " + learned.throttled());
        assertTrue(ratio <= 1.25, "the learned rate took " + ratio + "x the time of unpaced calls");
    }

    @Test
    void aQuotaUnderRandomFaultsIsServedAtItsPace() throws Exception {
        int messages = 600;
        double quota = 50;
        double brownout = 0.3;
        Run run = drain("brownout-quota", messages, quota, FaultRates.brownout(brownout, 20261129), true);
        // the quota admits 50 calls a second, 30% of which fail at random
        double ideal = messages / (quota * (1 - brownout));
        double drainRatio = run.seconds() / ideal;
        double callsPerMessage = run.calls() / (double) messages;
        Map<String, String> report = report(run);
        report.put("quotaPerSecond", Double.toString(quota));
        report.put("brownoutShare", Double.toString(brownout));
        report.put("idealSeconds", String.format("%.1f", ideal));
        report.put("drainRatioToIdeal", String.format("%.2f", drainRatio));
        ReliabilityReport.write("brownout-quota", report);

        assertEverythingCompleted(run);
        assertEquals(List.of(), run.deadLettered(), "no valid message dead-lettered");
        assertEquals(0, run.outages(), "a service that serves two calls in three is degraded, not down");
        // what the learned rate gives run by run (docs/learned-rate-family.md, "BrownoutIT's scenario, a thousand
        // runs", QuotaFamily.main brownout 5000 1000): the ideal's pace as a rule, above 1.2x in about one run of ten
        // (the first epochs take the noise for the quota, #33), 1.95x at worst; 1.49 calls a message on average
        // (1 / 0.7 = 1.43 at best), 1.66 at worst. This asserted 1.2x and 1.5 calls, which 108 and 443 of the 1,000
        // runs with the consumers starting together miss, as a fresh-clone CI run did (1.32x)
        assertTrue(drainRatio <= 2.0, "drained in " + drainRatio + "x the ideal");
        assertTrue(callsPerMessage <= 1.7, callsPerMessage + " calls a message");
    }

    /**
     * Queues the messages, then runs the shipped queue route in a Camel context of its own against the simulator with
     * this quota and these faults, until every message is completed or dead-lettered.
     */
    static Run drain(String name, int messages, double quota, FaultRates faults, boolean adaptive) throws Exception {
        simulator.reset();
        List<String> deadLettered = Collections.synchronizedList(new ArrayList<>());
        try (CamelContext context = new DefaultCamelContext()) {
            Properties properties = new Properties();
            properties.setProperty("participant.url", simulator.baseUrl());
            properties.setProperty("participant.connection.token", TOKEN);
            properties.setProperty("queue.name", name);
            properties.setProperty("queue.deadLetterName", name + ".DLQ");
            properties.setProperty("queue.consumers", Integer.toString(CONSUMERS));
            context.getPropertiesComponent().setInitialProperties(properties);
            context.addComponent("jms", JmsComponent.jmsComponent(new ActiveMQJMSConnectionFactory("vm://0")));
            context.getComponent("connectparticipant", ConnectParticipantComponent.class).getConfiguration()
                    .setAdaptiveRateLimit(adaptive);
            context.addRoutes(new RouteBuilder() {

                @Override
                public void configure() {
                    from("jms:queue:" + name + ".DLQ")
                            .process(e -> deadLettered.add(e.getMessage().getBody(String.class)));
                }
            });
            PluginHelper.getRoutesLoader(context).loadRoutes(
                    ResourceHelper.resolveResource(context, "file:routes/queue-to-connectparticipant.yaml"));
            context.start();
            context.getRouteController().stopRoute(ROUTE_ID);
            try (ProducerTemplate template = context.createProducerTemplate()) {
                for (int i = 0; i < messages; i++) {
                    template.sendBody("jms:queue:" + name, id(name, i));
                }
            }
            simulator.quota(quota);
            simulator.faults().rates(faults);
            long start = System.nanoTime();
            context.getRouteController().startRoute(ROUTE_ID);
            long deadline = start + Duration.ofMinutes(4).toNanos();
            while (simulator.ledger().completed().size() + deadLettered.size() < messages
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Ledger ledger = simulator.ledger();
            int throttled = (int) ledger.calls().stream().filter(c -> c.status() == 429).count();
            long quotaThrottled = simulator.quotaThrottles();
            long outages = context.getEndpoints().stream()
                    .filter(ConnectParticipantEndpoint.class::isInstance)
                    .mapToLong(e -> ((ConnectParticipantEndpoint) e).getRetryBudget().outages())
                    .max().orElse(0);
            simulator.faults().clear();
            QueueRouteTestSupport.awaitEmpty(broker, name);
            List<String> lost = new ArrayList<>();
            List<String> moreThanOneToken = new ArrayList<>();
            for (int i = 0; i < messages; i++) {
                String id = id(name, i);
                if (!ledger.isCompleted(id) && !deadLettered.contains(id)) {
                    lost.add(id);
                }
                if (ledger.clientTokensFor(id).size() != 1) {
                    moreThanOneToken.add(id);
                }
            }
            return new Run(name, messages, seconds, ledger.callCount(), throttled, quotaThrottled,
                    List.copyOf(deadLettered),
                    outages, lost, moreThanOneToken);
        }
    }

    static void assertEverythingCompleted(Run run) {
        assertEquals(List.of(), run.lost(), "neither completed nor dead-lettered");
        assertEquals(List.of(), run.idsWithMoreThanOneToken(), "one client token across every retry");
    }

    static Map<String, String> report(Run run) {
        Map<String, String> report = new TreeMap<>();
        report.put("messages", Integer.toString(run.messages()));
        report.put("consumers", Integer.toString(CONSUMERS));
        report.put("seconds", String.format("%.1f", run.seconds()));
        report.put("calls", Integer.toString(run.calls()));
        report.put("callsPerMessage", String.format("%.2f", run.calls() / (double) run.messages()));
        report.put("throttled", Integer.toString(run.throttled()));
        report.put("throttledByTheQuota", Long.toString(run.quotaThrottled()));
        report.put("deadLettered", Integer.toString(run.deadLettered().size()));
        report.put("outages", Long.toString(run.outages()));
        report.put("lost", Integer.toString(run.lost().size()));
        return report;
    }

    static String id(String name, int i) {
        return String.format("%s-%04d", name, i);
    }
}
