package io.github.connectparticipant.camel;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.connectparticipant.camel.client.LearnedRateTuning;
import io.github.connectparticipant.simulator.Fault;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With a MeterRegistry bound in the Camel registry, the component records calls by operation, outcome and error
 * code, whole-call and attempt durations, retries, waits for capacity, the learned rate and the HTTP pool; never a
 * token or an attachment id in a tag.
 */
class MetricsTest extends SimulatorTestSupport {

    private final MeterRegistry meters = new SimpleMeterRegistry();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camelContext = super.createCamelContext();
        camelContext.getRegistry().bind("meters", meters);
        return camelContext;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return directRoutes("direct:complete", COMPLETE);
    }

    private double count(String name, String... tags) {
        return meters.find(name).tags(tags).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    @Test
    void callsOutcomesDurationsRetriesTheRateAndThePoolAreMetered() {
        simulator.refuseAttachmentIds("metered-bad");
        // a spent quota: every call throttled until the rate is learned
        Fault[] spent = new Fault[LearnedRateTuning.DEFAULTS.throttlesInARowToLearn()];
        Arrays.fill(spent, Fault.throttle());
        simulator.faults().scriptFor("metered-busy", spent);
        for (String id : List.of("metered-1", "metered-busy", "metered-bad")) {
            template.send("direct:complete", e -> e.getMessage().setBody(id));
        }

        assertEquals(2, count("connectparticipant.calls", "operation", "CompleteAttachmentUpload", "outcome", "success",
                "error_code", "none"));
        assertEquals(1, count("connectparticipant.calls", "operation", "CompleteAttachmentUpload", "outcome",
                "client_error", "error_code", "ValidationException"));
        int throttles = LearnedRateTuning.DEFAULTS.throttlesInARowToLearn();
        assertEquals(throttles, count("connectparticipant.retries", "operation", "CompleteAttachmentUpload"),
                "the throttled call went again after each");
        assertEquals(throttles, count("connectparticipant.throttles", "operation", "CompleteAttachmentUpload"),
                "every throttled answer");
        assertEquals(3 + throttles, meters.find("connectparticipant.attempt.duration")
                .tag("operation", "CompleteAttachmentUpload").timer().count(), "every HTTP attempt");
        assertEquals(2, meters.find("connectparticipant.call.duration").tags("operation", "CompleteAttachmentUpload",
                "outcome", "success").timer().count());
        Timer waits = meters.find("connectparticipant.capacity.wait")
                .tag("operation", "CompleteAttachmentUpload").timer();
        assertNotNull(waits);
        assertEquals(3 + throttles, waits.count(), "every attempt asked for capacity");
        assertTrue(waits.totalTime(TimeUnit.MILLISECONDS) > 0,
                "the attempt after the cut waited for its turn at the learned rate");
        double rate = meters.find("connectparticipant.rate.limit").tag("operation", "CompleteAttachmentUpload")
                .gauge().value();
        assertTrue(rate > 0 && !Double.isInfinite(rate), "the rate learned from the throttle: " + rate);
        assertTrue(Double.isNaN(meters.find("connectparticipant.rate.limit").tag("operation", "SendMessage").gauge()
                .value()), "nothing learned for an operation never throttled");
        assertEquals(0, meters.find("connectparticipant.http.connections.leased").gauge().value(),
                "every connection back in the pool after the calls");
        assertTrue(meters.find("connectparticipant.http.connections.available").gauge().value() >= 1,
                "kept alive for the next call");
        assertEquals(0, meters.find("connectparticipant.http.connections.pending").gauge().value());

        for (Meter meter : meters.getMeters()) {
            for (Tag tag : meter.getId().getTags()) {
                assertFalse(tag.getValue().contains(CONNECTION_TOKEN), meter.getId().toString());
                assertFalse(tag.getValue().startsWith("metered-"), "no attachment id in a tag: " + meter.getId());
            }
        }
    }

    @Test
    void oneRateGaugePerServiceAndOperationHoweverManyEndpoints() throws Exception {
        // two more endpoints on the same service (other options), and one on another base URL of the same simulator,
        // which the component takes for another service
        String sameService = COMPLETE + "&maxAttempts=2";
        String otherService = "connectparticipant:completeAttachmentUpload?connectionToken=RAW(" + CONNECTION_TOKEN
                + ")&uriEndpointOverride=" + simulator.baseUrl().replace("127.0.0.1", "localhost");
        try (AutoCloseable log = CapturedLogAccess.atTrace()) {
            context.addRoutes(directRoutes("direct:same", sameService, "direct:other", otherService));
            template.send("direct:complete", e -> e.getMessage().setBody("gauge-1"));
            template.send("direct:same", e -> e.getMessage().setBody("gauge-2"));
            template.send("direct:other", e -> e.getMessage().setBody("gauge-3"));
            assertFalse(CapturedLogAccess.text(log).contains("already registered"),
                    "Micrometer warned of a gauge registered twice");
        }
        List<String> services = meters.find("connectparticipant.rate.limit")
                .tag("operation", "CompleteAttachmentUpload").gauges().stream()
                .map(g -> g.getId().getTag("service")).sorted().toList();
        assertEquals(List.of(simulator.baseUrl(), simulator.baseUrl().replace("127.0.0.1", "localhost")), services,
                "one gauge for each service");
        // every meter of a call says which service it went to: the two endpoints of one service count together
        for (String meter : List.of("connectparticipant.calls", "connectparticipant.call.duration",
                "connectparticipant.attempt.duration", "connectparticipant.retries", "connectparticipant.throttles",
                "connectparticipant.capacity.wait")) {
            assertFalse(meters.find(meter).meters().isEmpty(), meter);
            for (Meter m : meters.find(meter).meters()) {
                assertTrue(m.getId().getTag("service") != null && m.getId().getTag("operation") != null,
                        m.getId()::toString);
            }
        }
        assertEquals(2, meters.find("connectparticipant.calls").tags("service", simulator.baseUrl(), "operation",
                "CompleteAttachmentUpload", "outcome", "success").counter().count());
        assertEquals(1, meters.find("connectparticipant.calls").tags("service",
                simulator.baseUrl().replace("127.0.0.1", "localhost"), "operation", "CompleteAttachmentUpload",
                "outcome", "success").counter().count());
    }

    @Test
    void aRegistryGivenAsAnOptionWins() throws Exception {
        SimpleMeterRegistry own = new SimpleMeterRegistry();
        context.getRegistry().bind("own", own);
        context.addRoutes(directRoutes("direct:own", COMPLETE + "&meterRegistry=#own"));
        template.sendBody("direct:own", "metered-own");
        assertEquals(1, own.find("connectparticipant.calls").tags("operation", "CompleteAttachmentUpload", "outcome",
                "success").counter().count());
    }

    @Test
    void ofSeveralRegistriesBoundTheirCompositeRecordsInEachOnce() throws Exception {
        SimpleMeterRegistry prometheus = new SimpleMeterRegistry();
        SimpleMeterRegistry otlp = new SimpleMeterRegistry();
        try (CamelContext camel = new DefaultCamelContext()) {
            // as Spring Boot binds them with two registries configured
            camel.getRegistry().bind("prometheusMeterRegistry", prometheus);
            camel.getRegistry().bind("otlpMeterRegistry", otlp);
            camel.getRegistry().bind("compositeMeterRegistry",
                    new CompositeMeterRegistry(Clock.SYSTEM, List.of(prometheus, otlp)));
            ConnectParticipantComponent component = new ConnectParticipantComponent();
            component.getConfiguration().setUriEndpointOverride(simulator.baseUrl());
            camel.addComponent("connectparticipant", component);
            camel.start();
            camel.createProducerTemplate().sendBody(COMPLETE, "metered-composite");
        }
        for (SimpleMeterRegistry registry : List.of(prometheus, otlp)) {
            assertEquals(1, registry.find("connectparticipant.calls").tags("operation", "CompleteAttachmentUpload",
                    "outcome", "success").counter().count());
        }
    }
}
