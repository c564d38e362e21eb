package io.github.connectparticipant.camel;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.connectparticipant.camel.client.ParticipantServiceClient;
import io.github.connectparticipant.camel.client.RetryBudget;
import io.github.connectparticipant.camel.client.ServiceCallFailure;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Reports whether the endpoint's service answers at all: any HTTP answer is UP (a probe carries no token, so the
 * service refuses it, and that is an answer); no connection or no answer within responseTimeout is DOWN, and so is an
 * outage (the service's last calls all faults in a row: see RetryBudget), while messages wait for it.
 */
public class ConnectParticipantProducerHealthCheck extends AbstractHealthCheck {

    private final ConnectParticipantEndpoint endpoint;

    /** Its id names the operation, so that a person reading the health endpoint knows which producer it is. */
    public ConnectParticipantProducerHealthCheck(ConnectParticipantEndpoint endpoint, String endpointId) {
        super("camel", "producer:connectparticipant-" + endpoint.getConfiguration().getOperation() + "-" + endpointId);
        this.endpoint = endpoint;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        ParticipantServiceClient client = endpoint.getServiceClient();
        if (client == null) {
            builder.message("The endpoint is not started").down();
            return;
        }
        builder.detail("service.url", endpoint.getConfiguration().serviceBaseUrl());
        if (reportedOutage(endpoint.getRetryBudget(), builder)) {
            return;
        }
        try {
            int status = client.probe();
            builder.detail(HTTP_RESPONSE_CODE, status).up();
        } catch (ServiceCallFailure noAnswer) {
            builder.message("The Participant Service does not answer: " + noAnswer.errorCode() + ": "
                    + noAnswer.getMessage())
                    .error(noAnswer.getCause())
                    .down();
        }
    }

    /**
     * DOWN, with how long, when the service is in an outage (its last calls all faults in a row): the producers' and
     * the chat consumers' checks say it the same way.
     *
     * @return whether it was
     */
    static boolean reportedOutage(RetryBudget budget, HealthCheckResultBuilder builder) {
        if (!budget.inOutage()) {
            return false;
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - budget.outageSinceNanos());
        builder.message("The Participant Service has failed every call for " + seconds + " s (last: "
                + budget.lastFaultCode() + "); calls wait for it, probing once a second")
                .detail("outage.seconds", seconds)
                .down();
        return true;
    }
}
