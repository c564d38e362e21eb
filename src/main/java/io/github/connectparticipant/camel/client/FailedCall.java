package io.github.connectparticipant.camel.client;

import java.util.List;

/**
 * Why a message's calls failed for good, or why nothing was sent: everything the route's exception carries (the
 * shape's ConnectParticipantException is made from it), built here, where the failure is known. The message never
 * holds the connection token.
 *
 * @param statusCode   the HTTP status of the last answer; 0 when the service did not answer or nothing was sent
 * @param attachmentId the attachment whose call failed first, or null when the failure concerns the whole message
 * @param attempts     how many attempts the failed call had; 0 when nothing was sent
 * @param redeliveries how many times Camel had redelivered the message when this failure happened
 * @param invalidInput true when the message could not be turned into a valid call (nothing was sent)
 */
public record FailedCall(String message, Throwable cause, String errorCode, int statusCode, String requestId,
        boolean retryable, String attachmentId, int attempts, int redeliveries,
        List<String> completedAttachmentIds, List<String> failedAttachmentIds,
        List<String> notAttemptedAttachmentIds, boolean invalidInput) {

    /** The error code of input refused before anything was sent, as the service names its own refusal. */
    public static final String VALIDATION = "ValidationException";

    public FailedCall {
        completedAttachmentIds = List.copyOf(completedAttachmentIds);
        failedAttachmentIds = List.copyOf(failedAttachmentIds);
        notAttemptedAttachmentIds = List.copyOf(notAttemptedAttachmentIds);
    }

    /**
     * A call that gave up after its attempts.
     *
     * @param what         what was called, e.g. "GetAttachment of attachment 'a-1'"
     * @param attachmentId the attachment it concerned, or null
     * @param bearer       the token it carried, kept out of the message
     */
    public static FailedCall gaveUp(String what, RetryPolicy.GaveUp gaveUp, String attachmentId, int redeliveries,
            String bearer) {
        return gaveUpOnAttachments(describe(what, gaveUp, gaveUp.retryable(), redeliveries, bearer).toString(), gaveUp,
                attachmentId, gaveUp.retryable(), redeliveries, List.of(),
                attachmentId != null ? List.of(attachmentId) : List.of(), List.of());
    }

    /**
     * A message of several attachments whose calls gave up: the first failure's answer, which completed, which
     * failed, which were not tried.
     *
     * @param retryable whether every failure was retryable
     */
    public static FailedCall gaveUpOnAttachments(String message, RetryPolicy.GaveUp firstFailure, String attachmentId,
            boolean retryable, int redeliveries, List<String> completed,
            List<String> failed, List<String> notAttempted) {
        ServiceCallFailure last = firstFailure.lastFailure();
        return new FailedCall(message, last.getCause(), last.errorCode(), last.statusCode(), last.requestId(),
                retryable, attachmentId, firstFailure.attempts(), redeliveries, completed, failed, notAttempted,
                false);
    }

    /** The message could not be turned into a valid call: nothing was sent, and it never will be. */
    public static FailedCall invalidInput(String problem, Throwable cause) {
        return new FailedCall("Invalid input, nothing sent: " + problem, cause, VALIDATION, 0, null, false, null, 0,
                0, List.of(), List.of(), List.of(), true);
    }

    /** A failure of the message as a whole, not of one call's attempts (an answer that cannot be used, say). */
    public static FailedCall ofMessage(String message, String errorCode, int statusCode, String requestId,
            boolean retryable, int attempts, int redeliveries) {
        return new FailedCall(message, null, errorCode, statusCode, requestId, retryable, null, attempts,
                redeliveries, List.of(), List.of(), List.of(), false);
    }

    /** Thrown through the families to the producer, which hands the route a ConnectParticipantException. */
    public FailedCallException toException() {
        return new FailedCallException(this);
    }

    /** "What failed after N attempts (redelivery R): Code (HTTP s, request id r): message [retryable]". */
    public static StringBuilder describe(String what, RetryPolicy.GaveUp gaveUp, boolean retryable, int redeliveries,
            String bearer) {
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
        return message.append(": ").append(withoutSecret(last.getMessage(), bearer))
                .append(retryable ? " [retryable]" : " [not retryable]");
    }

    /** The service's own text goes into the message; in the unlikely case it echoes the token, the token goes. */
    private static String withoutSecret(String text, String bearer) {
        if (text == null) {
            return "";
        }
        return bearer != null && text.contains(bearer) ? text.replace(bearer, "xxxxxx") : text;
    }
}
