package io.github.connectparticipant.camel.model;

import java.time.Instant;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;

/**
 * The body after createParticipantConnection: the connection token and its expiry (CONNECTION_CREDENTIALS), and the
 * websocket URL and its expiry (WEBSOCKET), each null when not asked for. The connection token is a secret: it is
 * here, for the route that asked for it, and nowhere else (not in a header, not in toString).
 */
public class CreateParticipantConnectionResult extends ServiceCallResult {

    private final String connectionToken;
    private final Instant connectionExpiry;
    private final String websocketUrl;
    private final Instant websocketExpiry;

    public CreateParticipantConnectionResult(String connectionToken, Instant connectionExpiry, String websocketUrl,
            Instant websocketExpiry, String requestId) {
        super(requestId);
        this.connectionToken = connectionToken;
        this.connectionExpiry = connectionExpiry;
        this.websocketUrl = websocketUrl;
        this.websocketExpiry = websocketExpiry;
    }

    public String getConnectionToken() {
        return connectionToken;
    }

    /** ISO 8601 in JSON (Instant.toString), whether or not the ObjectMapper knows java.time. */
    @JsonSerialize(using = ToStringSerializer.class)
    public Instant getConnectionExpiry() {
        return connectionExpiry;
    }

    public String getWebsocketUrl() {
        return websocketUrl;
    }

    /** ISO 8601 in JSON (Instant.toString), whether or not the ObjectMapper knows java.time. */
    @JsonSerialize(using = ToStringSerializer.class)
    public Instant getWebsocketExpiry() {
        return websocketExpiry;
    }

    @Override
    public String toString() {
        return "CreateParticipantConnectionResult{connectionToken=" + (connectionToken != null ? "xxxxxx" : null)
                + ", connectionExpiry=" + connectionExpiry + ", websocketUrl=" + (websocketUrl != null ? "(set)" : null)
                + ", websocketExpiry=" + websocketExpiry + ", requestId=" + getRequestId() + "}";
    }
}
