package io.github.connectparticipant.camel;

import java.util.List;

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
        super("Invalid input, nothing sent: " + message, cause, "ValidationException", 0, null, false, null, 0, 0,
              List.of(), List.of(), List.of());
    }
}
