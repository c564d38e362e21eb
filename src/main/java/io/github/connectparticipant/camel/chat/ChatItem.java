package io.github.connectparticipant.camel.chat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One item of a chat, as the socket and the transcript give it: a message, an event, an attachment or a receipt.
 *
 * @param fields the item as the service wrote it
 */
public record ChatItem(String id, String type, String contentType, String content, String participantRole,
        String displayName, Instant absoluteTime, String contactId, List<String> attachmentIds,
        Map<String, Object> fields) {

    /** The event that says a chat has ended. */
    public static final String CHAT_ENDED = "application/vnd.amazonaws.connect.event.chat.ended";

    /** An item from the service's JSON, read as a Map; null when it has no Id. */
    @SuppressWarnings("unchecked")
    public static ChatItem of(Map<String, Object> fields) {
        String id = text(fields, "Id");
        if (id == null) {
            return null;
        }
        List<String> attachmentIds = new ArrayList<>();
        if (fields.get("Attachments") instanceof List<?> attachments) {
            for (Object attachment : attachments) {
                if (attachment instanceof Map<?, ?> map && map.get("AttachmentId") instanceof String attachmentId) {
                    attachmentIds.add(attachmentId);
                }
            }
        }
        String time = text(fields, "AbsoluteTime");
        Instant absoluteTime;
        try {
            absoluteTime = time != null ? Instant.parse(time) : Instant.EPOCH;
        } catch (RuntimeException e) {
            absoluteTime = Instant.EPOCH;
        }
        return new ChatItem(id, text(fields, "Type"), text(fields, "ContentType"), text(fields, "Content"),
                text(fields, "ParticipantRole"), text(fields, "DisplayName"), absoluteTime,
                text(fields, "ContactId"), Collections.unmodifiableList(attachmentIds), fields);
    }

    /** Where a chat stands: the last item handed on, which a restarted consumer resumes after. */
    public record Position(String id, Instant absoluteTime) {
    }

    /** The key it is kept under in the idempotent repository: its contact id and Id (Ids are unique in a chat). */
    public String seenKey() {
        return contactId + ":" + id;
    }

    /** Whether this item says that the chat has ended. */
    public boolean endsTheChat() {
        return "EVENT".equals(type) && CHAT_ENDED.equals(contentType);
    }

    private static String text(Map<String, Object> fields, String name) {
        return fields.get(name) instanceof String value ? value : null;
    }
}
