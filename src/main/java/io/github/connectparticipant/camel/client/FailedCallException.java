package io.github.connectparticipant.camel.client;

/**
 * A {@link FailedCall} on its way up to the producer, which hands the route the ConnectParticipantException made from
 * it. Without a stack trace of its own: the route's exception has the failure's cause.
 */
public final class FailedCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient FailedCall failure;

    FailedCallException(FailedCall failure) {
        super(failure.message(), failure.cause(), false, false);
        this.failure = failure;
    }

    public FailedCall failure() {
        return failure;
    }
}
