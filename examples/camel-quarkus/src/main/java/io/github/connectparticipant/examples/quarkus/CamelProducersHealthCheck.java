package io.github.connectparticipant.examples.quarkus;

import java.util.Collection;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Camel's producer health checks (the component's: does the service answer, is it in an outage) in {@code /q/health},
 * as one readiness check named {@code camel-producers}, DOWN when any of them is. Camel Quarkus' own bridge, the
 * camel-quarkus-microprofile-health extension, is not on Maven Central for Camel Quarkus 3.33; with it, this class
 * goes and the extension reports the same check under the same name.
 */
@Readiness
@ApplicationScoped
public class CamelProducersHealthCheck implements org.eclipse.microprofile.health.HealthCheck {

    /** What Camel names a producer's health check: {@code producer:} and the endpoint's id. */
    private static final String PRODUCER_CHECK = "producer:";

    @Inject
    CamelContext camelContext;

    @Override
    public HealthCheckResponse call() {
        Predicate<HealthCheck> notAProducer = check -> !check.getId().startsWith(PRODUCER_CHECK);
        Collection<HealthCheck.Result> results = HealthCheckHelper.invoke(camelContext, notAProducer);
        HealthCheckResponseBuilder response = HealthCheckResponse.named("camel-producers").up();
        for (HealthCheck.Result result : results) {
            response.withData(result.getCheck().getId(), result.getState().name());
            if (result.getState() == HealthCheck.State.DOWN) {
                response.down();
            }
        }
        return response.build();
    }
}
