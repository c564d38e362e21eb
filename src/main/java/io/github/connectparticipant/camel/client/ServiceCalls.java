package io.github.connectparticipant.camel.client;

import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The one path of every call to the service: the request goes through its operation's gate (the learned rate, the
 * retry budget, an outage's probes) and the retry policy, and its answer is read into the operation's result inside
 * the attempt (an answer that cannot be read is the attempt's failure); a call that fails for good raises the
 * {@link FailedCall} a route sees, named after the operation.
 */
public final class ServiceCalls {

    /** Reads a successful answer into a result; an answer that is not what the API defines is a failure. */
    @FunctionalInterface
    public interface AnswerReader<T> {

        T read(ParticipantServiceClient.ServiceAnswer answer) throws ServiceCallFailure;
    }

    /** The answer as it came: request id and JSON body. */
    public static final AnswerReader<ParticipantServiceClient.ServiceAnswer> ANSWER = answer -> answer;

    /**
     * For an operation whose result is empty (CompleteAttachmentUpload's {}): its request id, the body drained without
     * a copy.
     */
    public static final AnswerReader<String> REQUEST_ID_ONLY = ParticipantServiceClient.ServiceAnswer::requestId;

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

    /** The call's result, or the {@link FailedCallException} of a call that failed for good. */
    public <T> T call(ServiceRequest request, AnswerReader<T> reader, CallContext context) {
        try {
            return attempt(request, reader, context).value();
        } catch (RetryPolicy.GaveUp gaveUp) {
            throw failure(request, gaveUp, context).toException();
        }
    }

    /**
     * The same path for a caller that decides itself what a failure means (the completion of a message's several
     * attachments goes on after a refused id).
     */
    public <T> RetryPolicy.Succeeded<T> attempt(ServiceRequest request, AnswerReader<T> reader, CallContext context)
            throws RetryPolicy.GaveUp {
        boolean readResult = reader != REQUEST_ID_ONLY;
        return retryPolicy.run(request, gates.apply(request.operation()), context.capacityWait(),
                () -> reader.read(client.call(request, readResult)));
    }

    /** What a route sees of a call that gave up. */
    public static FailedCall failure(ServiceRequest request, RetryPolicy.GaveUp gaveUp, CallContext context) {
        return FailedCall.gaveUp(request.description(), gaveUp, request.attachmentId(), context.redeliveries(),
                request.bearer());
    }

    /** A text member of an answer, or null. */
    public static String text(JsonNode json, String member) {
        JsonNode value = json != null ? json.get(member) : null;
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
