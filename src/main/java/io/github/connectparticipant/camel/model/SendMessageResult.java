package io.github.connectparticipant.camel.model;

/** The body after sendMessage: the message's id and when it was sent. */
public class SendMessageResult extends SentChatItem {

    public SendMessageResult(String id, String absoluteTime, String requestId) {
        super(id, absoluteTime, requestId);
    }
}
