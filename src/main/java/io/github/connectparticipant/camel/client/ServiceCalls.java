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

    /** A result (null for an operation whose result is empty), the request id of its answer, and its attempts. */
    public record Called<T>(T result, String requestId, int attempts) {
    }

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
        return called(request, reader, context).result();
    }

    /** The request id of a call whose result is empty (CompleteAttachmentUpload's {}), read without a copy. */
    public String callForRequestId(ServiceRequest request, CallContext context) {
        return called(request, null, context).requestId();
    }

    private <T> Called<T> called(ServiceRequest request, AnswerReader<T> reader, CallContext context) {
        try {
            return attempt(request, reader, context);
        } catch (RetryPolicy.GaveUp gaveUp) {
            throw failure(request, gaveUp, context).toException();
        }
    }

    /**
     * The same path for a caller that decides itself what a failure means (the completion of a message's several
     * attachments goes on after a refused id).
     */
    public <T> Called<T> attempt(ServiceRequest request, AnswerReader<T> reader, CallContext context)
            throws RetryPolicy.GaveUp {
        // no reader: an empty result ({}), drained without a copy
        boolean readResult = reader != null;
        RetryPolicy.Succeeded<Called<T>> succeeded = retryPolicy.run(request.description(),
                gates.apply(request.operation()), context.capacityWait(), () -> {
                    ParticipantServiceClient.ServiceAnswer answer = client.call(request, readResult);
                    return new Called<>(readResult ? reader.read(answer) : null, answer.requestId(), 0);
                });
        Called<T> called = succeeded.value();
        return new Called<>(called.result(), called.requestId(), succeeded.attempts());
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
