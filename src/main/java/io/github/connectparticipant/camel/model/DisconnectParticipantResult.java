package io.github.connectparticipant.camel.model;

/** The body after disconnectParticipant: the participant has left the chat. */
public class DisconnectParticipantResult extends ServiceCallResult {

    public DisconnectParticipantResult(String requestId) {
        super(requestId);
    }
}
