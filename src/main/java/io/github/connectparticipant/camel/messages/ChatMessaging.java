package io.github.connectparticipant.camel.messages;

import java.util.Map;

import io.github.connectparticipant.camel.client.CallContext;
import io.github.connectparticipant.camel.client.ParticipantJson;
import io.github.connectparticipant.camel.client.RequestLimits;
import io.github.connectparticipant.camel.client.ServiceCalls;
import io.github.connectparticipant.camel.client.ServiceOperation;
import io.github.connectparticipant.camel.client.ServiceRequest;
import io.github.connectparticipant.camel.model.SendEventResult;
import io.github.connectparticipant.camel.model.SendMessageResult;

/**
 * SendMessage and SendEvent: a message or an event into the chat, checked against the service model's limits before
 * it is sent, with a client token derived from the message so that a redelivery repeats rather than doubles it.
 */
public final class ChatMessaging {

    /** SendMessage's default content type. */
    public static final String TEXT_PLAIN = "text/plain";
    /** The longest content of each documented message type; any other type may hold the model's 16384. */
    private static final Map<String, Integer> MAX_CONTENT_BY_TYPE = Map.of(
            TEXT_PLAIN, 1024,
            "text/markdown", 1024,
            "application/json", 12000,
            "application/vnd.amazonaws.connect.message.interactive.response", 12288);
    private static final int MAX_CONTENT = 16384;
    private static final int MAX_CONTENT_TYPE = 100;

    private final ServiceCalls calls;

    public ChatMessaging(ServiceCalls calls) {
        this.calls = calls;
    }

    public SendMessageResult sendMessage(ServiceOperation sendMessage, String contentType, String content,
            String connectionToken, CallContext context) {
        String type = contentType != null ? contentType : TEXT_PLAIN;
        RequestLimits.checkText("the message's content type", type, 1, MAX_CONTENT_TYPE, true);
        RequestLimits.checkText("the message's content (" + type + ")", content, 1,
                MAX_CONTENT_BY_TYPE.getOrDefault(type, MAX_CONTENT), true);
        return calls.call(ServiceRequest.post(sendMessage,
                ParticipantJson.chatItemBody(type, content, context.clientTokens().forCall("message", true)),
                connectionToken),
                answer -> new SendMessageResult(ServiceCalls.text(answer.body(), "Id"),
                        ServiceCalls.text(answer.body(), "AbsoluteTime"), answer.requestId()),
                context);
    }

    /** @param content the event's content, or null for an event without one (typing) */
    public SendEventResult sendEvent(ServiceOperation sendEvent, String contentType, String content,
            String connectionToken, CallContext context) {
        RequestLimits.checkText("the event's content type", contentType, 1, MAX_CONTENT_TYPE, true);
        RequestLimits.checkText("the event's content", content, 1, MAX_CONTENT, false);
        return calls.call(ServiceRequest.post(sendEvent,
                ParticipantJson.chatItemBody(contentType, content, context.clientTokens().forCall("event", true)),
                connectionToken),
                answer -> new SendEventResult(ServiceCalls.text(answer.body(), "Id"),
                        ServiceCalls.text(answer.body(), "AbsoluteTime"), answer.requestId()),
                context);
    }
}
