package io.github.connectparticipant.camel.chat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The service calls a chat follower makes, through the component's one call path (its limits, retries and outage
 * handling apply).
 */
public interface ChatService {

    /**
     * A connection for the participant: CreateParticipantConnection with WEBSOCKET and CONNECTION_CREDENTIALS.
     *
     * @throws ChatEndedException when the service refuses the participant (403): the chat has ended
     */
    Connection connect();

    /**
     * Reserves the next connection's turn under the cap on the connections of the service's chat consumers.
     *
     * @return how long to wait for it, in milliseconds
     */
    long reserveConnection();

    /**
     * The transcript's items after this one, oldest first, every page (GetTranscript, StartPosition Id, FORWARD,
     * ASCENDING); from the first item when itemId is null.
     */
    List<Map<String, Object>> itemsAfter(String itemId, String connectionToken);

    /** A connection: the socket's URL (a secret: never logged), and a connection token for the calls beside it. */
    record Connection(String websocketUrl, String connectionToken, Instant connectionExpiry) {
    }

    /** The service refused the participant: its chat has ended. */
    final class ChatEndedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public ChatEndedException(String message) {
            super(message, null, false, false);
        }
    }
}
