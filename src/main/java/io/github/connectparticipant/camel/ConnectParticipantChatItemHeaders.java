package io.github.connectparticipant.camel;

import java.util.Collection;
import java.util.List;

import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Copies what the chat consumer says of an item (CamelConnectParticipantItemId, ...ItemType, ...ContentType,
 * ...ParticipantRole, ...DisplayName, ...AbsoluteTime, ...ContactId, ...AttachmentIds) to the same names without the
 * Camel prefix (ConnectParticipantItemId, ...), the attachment ids comma-separated, so that they survive a JMS queue
 * or a Kafka topic (Camel's JMS component drops Camel* headers). Use it before the step that bridges the chat:
 * {@code - bean: {beanType: io.github.connectparticipant.camel.ConnectParticipantChatItemHeaders}}.
 */
public class ConnectParticipantChatItemHeaders implements Processor {

    private static final String CAMEL = "Camel";
    private static final List<String> ITEM_HEADERS = List.of(ConnectParticipantConstants.ITEM_ID,
            ConnectParticipantConstants.ITEM_TYPE, ConnectParticipantConstants.CONTENT_TYPE,
            ConnectParticipantConstants.PARTICIPANT_ROLE, ConnectParticipantConstants.DISPLAY_NAME,
            ConnectParticipantConstants.ABSOLUTE_TIME, ConnectParticipantConstants.CONTACT_ID,
            ConnectParticipantConstants.ATTACHMENT_IDS);

    @Override
    public void process(org.apache.camel.Exchange exchange) {
        Message message = exchange.getMessage();
        for (String header : ITEM_HEADERS) {
            Object value = message.getHeader(header);
            if (value instanceof Collection<?> values) {
                value = values.isEmpty() ? null : String.join(",", values.stream().map(String::valueOf).toList());
            }
            if (value != null) {
                message.setHeader(bridgedName(header), value);
            }
        }
    }

    /** The name a chat item header is copied to: CamelConnectParticipantItemId to ConnectParticipantItemId. */
    public static String bridgedName(String header) {
        return header.substring(CAMEL.length());
    }
}
