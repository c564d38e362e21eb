package io.github.connectparticipant.camel.client;

import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One call of an operation beyond the attachment flow, through the operation's gate and the retry policy, its
 * failure turned into the exception a route sees: what the operation families share.
 */
public final class ServiceCalls {

    private final ParticipantServiceClient client;
    private final RetryPolicy retryPolicy;
    private final Function<ServiceOperation, CallGate> gates;

    /** @param gates the endpoint's gate of each operation */
    public ServiceCalls(ParticipantServiceClient client, RetryPolicy retryPolicy,
                        Function<ServiceOperation, CallGate> gates) {
        this.client = client;
        this.retryPolicy = retryPolicy;
        this.gates = gates;
    }

    /**
     * A POST of the operation, named by the service's name of it in a failure.
     *
     * @param bearer the connection token (the participant token for CreateParticipantConnection), kept out of every
     *               failure's message
     */
    public ParticipantServiceClient.ServiceAnswer post(ServiceOperation operation, byte[] body, String bearer,
                                                       CallContext context) {
        return CallFailures.retried(retryPolicy, gates.apply(operation), context.capacityWait(),
                operation.serviceName(), () -> client.post(operation, body, bearer), null, context.redeliveries(),
                bearer);
    }

    /** DescribeView's GET. */
    public ParticipantServiceClient.ServiceAnswer describeView(String viewToken, String connectionToken,
                                                               CallContext context) {
        return CallFailures.retried(retryPolicy, gates.apply(ServiceOperation.DESCRIBE_VIEW),
                context.capacityWait(), ServiceOperation.DESCRIBE_VIEW.serviceName(),
                () -> client.describeView(viewToken, connectionToken), null, context.redeliveries(), connectionToken);
    }

    /** A text member of an answer, or null. */
    public static String text(JsonNode json, String member) {
        JsonNode value = json != null ? json.get(member) : null;
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
