package io.github.connectparticipant.camel;

import io.github.connectparticipant.camel.client.FailedCall;

/**
 * The message could not be turned into a valid call, so nothing was sent: no ids, a blank or too long id, a missing
 * or too long token, an unreadable body. Never retryable; error code ValidationException, status 0, no attempts.
 */
public class ConnectParticipantInvalidInputException extends ConnectParticipantException {

    private static final long serialVersionUID = 1L;

    public ConnectParticipantInvalidInputException(String message) {
        this(message, null);
    }

    public ConnectParticipantInvalidInputException(String message, Throwable cause) {
        this(FailedCall.invalidInput(message, cause));
    }

    ConnectParticipantInvalidInputException(FailedCall failure) {
        super(failure);
    }
}
