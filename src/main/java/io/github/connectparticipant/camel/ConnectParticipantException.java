package io.github.connectparticipant.camel;

import java.util.List;

import io.github.connectparticipant.camel.client.FailedCall;
import org.apache.camel.RuntimeCamelException;

/**
 * A call to the Participant Service failed for good (after its attempts), or the message could not be turned into a
 * call. Carries what a route needs to decide: the service's error name, the HTTP status, the request id, whether
 * trying again later may help, and which of the message's attachments were completed.
 */
public class ConnectParticipantException extends RuntimeCamelException {

    private static final long serialVersionUID = 1L;

    private final String errorCode;
    private final int statusCode;
    private final String requestId;
    private final boolean retryable;
    private final String attachmentId;
    private final int attempts;
    private final int redeliveries;
    private final List<String> completedAttachmentIds;
    private final List<String> failedAttachmentIds;
    private final List<String> notAttemptedAttachmentIds;

    /** The exception a route sees for this failure. */
    public ConnectParticipantException(FailedCall failure) {
        super(failure.message(), failure.cause());
        this.errorCode = failure.errorCode();
        this.statusCode = failure.statusCode();
        this.requestId = failure.requestId();
        this.retryable = failure.retryable();
        this.attachmentId = failure.attachmentId();
        this.attempts = failure.attempts();
        this.redeliveries = failure.redeliveries();
        this.completedAttachmentIds = failure.completedAttachmentIds();
        this.failedAttachmentIds = failure.failedAttachmentIds();
        this.notAttemptedAttachmentIds = failure.notAttemptedAttachmentIds();
    }

    /** The exception a route sees for this failure: invalid input as {@link ConnectParticipantInvalidInputException}. */
    public static ConnectParticipantException of(FailedCall failure) {
        return failure.invalidInput()
                ? new ConnectParticipantInvalidInputException(failure)
                : new ConnectParticipantException(failure);
    }

    /**
     * The service's error name (ThrottlingException, AccessDeniedException, ...), HttpNNN for an answer without one,
     * the I/O exception's simple name when the service did not answer, or ValidationException for input refused
     * before sending.
     */
    public String getErrorCode() {
        return errorCode;
    }

    /** The HTTP status of the last answer; 0 when the service did not answer or nothing was sent. */
    public int getStatusCode() {
        return statusCode;
    }

    /** The service's x-amzn-RequestId of the failed answer, or null. */
    public String getRequestId() {
        return requestId;
    }

    /** True when the same message may succeed later (throttling, service faults, no answer). */
    public boolean isRetryable() {
        return retryable;
    }

    /** The attachment whose call failed first, or null when the failure concerns the whole message. */
    public String getAttachmentId() {
        return attachmentId;
    }

    /** How many attempts the failed call had; 0 when nothing was sent. */
    public int getAttempts() {
        return attempts;
    }

    /**
     * How many times Camel's error handler had redelivered the message when this failure happened (the
     * CamelRedeliveryCounter it was processed with); a dead-letter channel sees the last one.
     */
    public int getRedeliveries() {
        return redeliveries;
    }

    /** The message's attachments that the service confirmed before the failure. */
    public List<String> getCompletedAttachmentIds() {
        return completedAttachmentIds;
    }

    /** The message's attachments whose calls failed. */
    public List<String> getFailedAttachmentIds() {
        return failedAttachmentIds;
    }

    /** The message's attachments not tried, because the failure would have failed them too. */
    public List<String> getNotAttemptedAttachmentIds() {
        return notAttemptedAttachmentIds;
    }
}
