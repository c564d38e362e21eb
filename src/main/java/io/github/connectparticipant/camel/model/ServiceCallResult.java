package io.github.connectparticipant.camel.model;

/**
 * The body after an operation whose answer holds nothing but its request id (disconnectParticipant,
 * cancelParticipantAuthentication), and the base of the other results of single calls.
 */
public abstract class ServiceCallResult {

    private final String requestId;

    protected ServiceCallResult(String requestId) {
        this.requestId = requestId;
    }

    /** The service's x-amzn-RequestId of the call. */
    public String getRequestId() {
        return requestId;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{requestId=" + requestId + "}";
    }
}
