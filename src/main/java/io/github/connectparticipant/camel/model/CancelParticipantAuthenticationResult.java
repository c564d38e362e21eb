package io.github.connectparticipant.camel.model;

/** The body after cancelParticipantAuthentication: the authentication was cancelled. */
public class CancelParticipantAuthenticationResult extends ServiceCallResult {

    public CancelParticipantAuthenticationResult(String requestId) {
        super(requestId);
    }
}
