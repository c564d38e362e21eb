package io.github.connectparticipant.camel.model;

/** What the service answers to a message or an event sent into the chat: the item's id and when it was sent. */
public abstract class SentChatItem extends ServiceCallResult {

    private final String id;
    private final String absoluteTime;

    protected SentChatItem(String id, String absoluteTime, String requestId) {
        super(requestId);
        this.id = id;
        this.absoluteTime = absoluteTime;
    }

    /** The id the service gave the item. */
    public String getId() {
        return id;
    }

    /** When it was sent, ISO 8601 as the service writes it. */
    public String getAbsoluteTime() {
        return absoluteTime;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{id=" + id + ", absoluteTime=" + absoluteTime + ", requestId="
                + getRequestId() + "}";
    }
}
