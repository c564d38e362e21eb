package io.github.connectparticipant.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The simulator's websocket endpoint as the rest of the simulator sees it: no Java-WebSocket type in sight, so that
 * the simulator loads (and frameworks can reflect on it) where Java-WebSocket is absent.
 */
interface ChatSocketServer {

    /**
     * A socket URL for this chat, to be connected within 100 s; the socket closes at this time (the expiry of the
     * connection it was made with), as the service closes it.
     */
    String issue(String contactId, java.time.Instant closeAt);

    /** Sends an item to the sockets subscribed to its chat. */
    void push(String contactId, ObjectNode item);

    /** Closes every socket of this chat. */
    void closeChat(String contactId);

    /** Drops every open socket without a closing handshake; answers how many. */
    int dropAll();

    /** Every socket URL handed out so far (each holds a credential: its path). */
    java.util.List<String> issuedUrls();

    /** Open sockets subscribed to a chat. */
    int subscribed(String contactId);

    /** How often a chat's last subscribed socket closed or failed: moments when nothing was subscribed to it. */
    int unsubscribedMoments(String contactId);

    SocketFaults faults();

    void stop() throws InterruptedException;
}
