package io.github.connectparticipant.camel;

import java.util.Collection;
import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.impl.health.DefaultHealthCheckRegistry;
import org.apache.camel.impl.health.ProducersHealthCheckRepository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The component's producer health checks in a test's Camel context, as camel-main enables them. */
public final class ProducerHealth {

    private ProducerHealth() {
    }

    /** What camel.health.producersEnabled=true sets up under camel-main, with every check's result exposed. */
    public static void enable(CamelContext camelContext) {
        HealthCheckRegistry registry = new DefaultHealthCheckRegistry();
        registry.setCamelContext(camelContext);
        // "full": the results of every check, not only the failing ones
        registry.setExposureLevel("full");
        ProducersHealthCheckRepository producers = new ProducersHealthCheckRepository();
        producers.setEnabled(true);
        registry.register(producers);
        camelContext.getCamelContextExtension().addContextPlugin(HealthCheckRegistry.class, registry);
    }

    /**
     * The result of a producer check of the service whose URL holds serviceUrlPart, for polling while its state may
     * change: the checks are invoked one after another, so two of them may fall on either side of a change.
     */
    public static HealthCheck.Result of(CamelContext camelContext, String serviceUrlPart) {
        return checks(camelContext, serviceUrlPart).get(0);
    }

    /**
     * The same once the service's state holds still (an outage under way, the backlog drained): every producer check
     * of one service gives it, since they share the service's state.
     */
    public static HealthCheck.Result settled(CamelContext camelContext, String serviceUrlPart) {
        List<HealthCheck.Result> ours = checks(camelContext, serviceUrlPart);
        assertEquals(1, ours.stream().map(HealthCheck.Result::getState).distinct().count(),
                () -> "the checks of one service disagree: " + ours);
        return ours.get(0);
    }

    private static List<HealthCheck.Result> checks(CamelContext camelContext, String serviceUrlPart) {
        Collection<HealthCheck.Result> results = HealthCheckHelper.invoke(camelContext);
        List<HealthCheck.Result> ours = results.stream()
                .filter(r -> r.getCheck().getId().startsWith("producer:connectparticipant-"))
                .filter(r -> String.valueOf(r.getDetails().get("service.url")).contains(serviceUrlPart)).toList();
        assertFalse(ours.isEmpty(), () -> "checks: " + results.stream().map(r -> r.getCheck().getId()).toList());
        return ours;
    }
}
