package io.github.connectparticipant.camel.client;

import java.util.List;

import io.github.connectparticipant.camel.ConnectParticipantException;

/**
 * Turns a call that failed for good into the exception a route sees, with a message that says what failed, how
 * often it was tried, the service's answer, and whether trying later may help; never the connection token.
 */
public final class CallFailures {

    private CallFailures() {
    }

    /**
     * What one call answers, with the policy's retries; when it fails for good, the exception a route sees. For the
     * calls about one attachment (or none): start, complete within a flow, get.
     */
    public static <T> T retried(RetryPolicy policy, CallGate gate, CapacityWait capacityWait, String what,
                         RetryPolicy.Attempt<T> attempt, String attachmentId, int redeliveries,
                         String connectionToken) {
        try {
            return policy.run(what, gate, capacityWait, attempt).value();
        } catch (RetryPolicy.GaveUp gaveUp) {
            throw of(what, gaveUp, attachmentId, redeliveries, connectionToken);
        }
    }

    /** The failure of one call about one attachment (or none): start, upload, complete within a flow, get. */
    public static ConnectParticipantException of(String what, RetryPolicy.GaveUp gaveUp, String attachmentId,
                                          int redeliveries, String connectionToken) {
        ServiceCallFailure last = gaveUp.lastFailure();
        String message = describe(what, gaveUp, gaveUp.retryable(), redeliveries, connectionToken).toString();
        return new ConnectParticipantException(message, last.getCause(), last.errorCode(), last.statusCode(),
                last.requestId(), gaveUp.retryable(), attachmentId, gaveUp.attempts(), redeliveries, List.of(),
                attachmentId != null ? List.of(attachmentId) : List.of(), List.of());
    }

    /** "What failed after N attempts (redelivery R): Code (HTTP s, request id r): message [retryable]". */
    public static StringBuilder describe(String what, RetryPolicy.GaveUp gaveUp, boolean retryable, int redeliveries,
                                  String connectionToken) {
        ServiceCallFailure last = gaveUp.lastFailure();
        StringBuilder message = new StringBuilder(256).append(what).append(" failed after ").append(gaveUp.attempts())
                .append(gaveUp.attempts() == 1 ? " attempt" : " attempts");
        if (redeliveries > 0) {
            message.append(" (redelivery ").append(redeliveries).append(')');
        }
        message.append(": ").append(last.errorCode());
        if (last.statusCode() != ServiceCallFailure.NO_ANSWER) {
            message.append(" (HTTP ").append(last.statusCode());
            if (last.requestId() != null) {
                message.append(", request id ").append(last.requestId());
            }
            message.append(')');
        }
        return message.append(": ").append(withoutSecret(last.getMessage(), connectionToken))
                .append(retryable ? " [retryable]" : " [not retryable]");
    }

    /** The service's own text goes into the message; in the unlikely case it echoes the token, the token goes. */
    private static String withoutSecret(String text, String connectionToken) {
        if (text == null) {
            return "";
        }
        return connectionToken != null && text.contains(connectionToken) ? text.replace(connectionToken, "xxxxxx")
                : text;
    }
}
