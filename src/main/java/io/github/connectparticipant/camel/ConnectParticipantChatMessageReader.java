package io.github.connectparticipant.camel;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.connectparticipant.camel.client.ParticipantJson;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Turns a JSON chat message, {"ParticipantToken":"...","Content":"...","ContentType":"text/markdown"} (or a
 * ConnectionToken instead of the participant token; ContentType optional), into what sendMessage takes: the content as
 * the body, the tokens and the content type as headers. A body that is not such an object is refused as invalid input
 * whose message quotes nothing of it (it holds a token). Routes such as routes/queue-to-chat.yaml use it as a bean
 * step, {@code beanType: io.github.connectparticipant.camel.ConnectParticipantChatMessageReader}.
 */
public class ConnectParticipantChatMessageReader implements Processor {

    @Override
    public void process(Exchange exchange) {
        Message message = exchange.getMessage();
        JsonNode json;
        try {
            json = ParticipantJson.MAPPER.readTree(message.getBody(byte[].class));
        } catch (IOException | RuntimeException e) {
            // the parser's message would quote the input, token and all
            json = null;
        }
        if (json == null || !json.isObject()) {
            throw new ConnectParticipantInvalidInputException("the chat message is not a JSON object such as"
                    + " {\"ParticipantToken\":\"...\",\"Content\":\"...\"}");
        }
        JsonNode content = json.get("Content");
        if (content == null || !content.isTextual()) {
            throw new ConnectParticipantInvalidInputException("the chat message has no Content string");
        }
        copy(json, "ParticipantToken", message, ConnectParticipantConstants.PARTICIPANT_TOKEN);
        copy(json, "ConnectionToken", message, ConnectParticipantConstants.CONNECTION_TOKEN);
        copy(json, "ContentType", message, ConnectParticipantConstants.CONTENT_TYPE);
        message.setBody(content.asText());
    }

    private static void copy(JsonNode json, String member, Message message, String header) {
        JsonNode value = json.get(member);
        if (value == null || value.isNull()) {
            return;
        }
        if (!value.isTextual()) {
            throw new ConnectParticipantInvalidInputException("the chat message's " + member + " is not a string");
        }
        message.setHeader(header, value.asText());
    }
}
