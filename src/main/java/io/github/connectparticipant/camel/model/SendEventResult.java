package io.github.connectparticipant.camel.model;

/** The body after sendEvent: the event's id and when it was sent. */
public class SendEventResult extends SentChatItem {

    public SendEventResult(String id, String absoluteTime, String requestId) {
        super(id, absoluteTime, requestId);
    }
}
